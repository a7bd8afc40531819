"""The rule table: the one place that says what each code means.

The flake8 adapter, the pylint adapter, ``logerr rules``/``explain``, the
report and the generated pages under ``docs/rules/`` all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Order matters for the report: most urgent first.
PRIORITIES = ("critical", "high", "medium", "low")

# Rule category -> line of the report's Findings Summary.
CATEGORY_SECTION = {
    "security": "Security",
    "performance": "Performance",
    "reliability": "Code Quality",
    "maintainability": "Code Quality",
}

DOCS_URL = "https://github.com/flake8-logerr/flake8-logerr/blob/main/docs/rules/{}.md"


@dataclass(frozen=True)
class Rule:
    """One row of the rule table."""

    code: str
    name: str
    message: str
    category: str
    priority: str
    pylint_id: str
    summary: str
    why: str = ""
    bad: str = ""
    good: str = ""
    testing: str = ""
    limitations: str = ""
    options: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    # Codes that mean the same in flake8-logging (and, where listed, ruff).
    ruff: bool = field(default=False)

    def format(self, *args: object) -> str:
        """The finding's message text, without the code."""
        return self.message.format(*args)

    @property
    def slug(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return DOCS_URL.format(self.code)


# LOG000 is not a rule: it is how an internal failure on one file is reported.
INTERNAL_ERROR = Rule(
    code="LOG000",
    name="logerr-internal-error",
    message="logerr could not check this file: {}",
    category="reliability",
    priority="high",
    pylint_id="E5800",
    summary="flake8-logerr failed on this file; please report it",
)

_RULE_LIST = [
    Rule(
        code="LOG001",
        name="direct-logger-instantiation",
        message="logger built with `Logger()`; use `logging.getLogger(__name__)`",
        category="maintainability",
        priority="medium",
        pylint_id="W5801",
        summary="`logging.Logger(...)` built directly at module level",
        why=(
            "A logger made with `logging.Logger(...)` is not registered in the logging "
            "hierarchy, so the handlers, levels and filters your application "
            "configures never reach it. Its records fall through to the last-resort "
            "handler, which prints warnings and worse to stderr and drops the rest, so "
            "messages can vanish from your log tooling without anyone noticing. "
            "`logging.getLogger(__name__)` returns the registered logger for the "
            "module instead."
        ),
        bad="""\
import logging

logger = logging.Logger(__name__)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)
""",
        testing="""\
Assert that the module's logger is the registered one, and that a record it
emits reaches pytest's `caplog` handler (which sits on the root logger, so a
stray `Logger()` would never reach it):

```python
import logging

from myapp import orders


def test_orders_logger_is_registered(caplog):
    assert orders.logger is logging.getLogger("myapp.orders")
    with caplog.at_level(logging.INFO, logger="myapp.orders"):
        orders.logger.info("ping")
    assert caplog.messages == ["ping"]
```""",
        limitations=(
            "Only loggers built at module level (a class body counts) are reported, as "
            "in flake8-logging. `logging.Logger(...)` inside a function, such as a "
            "factory helper, is left alone."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logger-objects",
            "https://docs.python.org/3/library/logging.html#logging.lastResort",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/direct-logger-instantiation/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG002",
        name="invalid-get-logger-argument",
        message="`getLogger({})` names the logger after a path; use `__name__`",
        category="maintainability",
        priority="low",
        pylint_id="C5802",
        summary="`getLogger(__file__)` or `getLogger(__cached__)`",
        why=(
            "Logger names are meant to be dotted module paths such as `shop.orders`, "
            "so that configuring `shop` covers every module below it. `__file__` and "
            "`__cached__` are file paths instead: the logger lands outside your "
            "package's branch of the hierarchy, its name changes from one machine to "
            "the next, and settings aimed at `shop` silently miss it. `__name__` gives "
            "the right name for free."
        ),
        bad="""\
import logging

logger = logging.getLogger(__file__)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)
""",
        testing="""\
Check the logger's name, which is what configuration matches on:

```python
from myapp import orders


def test_orders_logger_name():
    assert orders.logger.name == "myapp.orders"
```""",
        limitations=(
            "Only a bare `__file__` or `__cached__` as the first argument is reported; "
            "a name computed from them, such as "
            "`getLogger(os.path.basename(__file__))`, is not."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logger-objects",
            "https://docs.python.org/3/howto/logging.html#advanced-logging-tutorial",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/invalid-get-logger-argument/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG003",
        name="extra-key-clash",
        message="`extra` key {!r} clashes with a LogRecord attribute",
        category="reliability",
        priority="critical",
        pylint_id="E5803",
        summary="an `extra=` key that raises `KeyError` when the record is made",
        why=(
            "The keys of `extra` become attributes of the log record, and the record "
            "refuses to overwrite the ones it already has (`msg`, `name`, `module`, "
            "`lineno` and the like): the call raises `KeyError`. The crash only "
            "happens when the message is enabled, so it tends to hide until production "
            "turns on a more verbose level. Renaming the key (`order_name` rather than "
            "`name`) fixes it for good."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def record_payment(order_id, amount):
    logger.info("payment recorded", extra={"name": order_id, "amount": amount})
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def record_payment(order_id, amount):
    logger.info("payment recorded", extra={"order_id": order_id, "amount": amount})
""",
        testing="""\
Run the call with the level enabled, so that the record is really built, and
assert on the new attribute:

```python
import logging

from myapp.payments import record_payment


def test_record_payment_logs_order_id(caplog):
    with caplog.at_level(logging.INFO):
        record_payment(42, 10)
    assert caplog.records[0].order_id == 42
```""",
        limitations=(
            "Only keys written in the call itself, in a dict literal or a `dict(...)` "
            "call, are checked; an `extra` mapping built elsewhere and passed by name "
            "is not."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.debug",
            "https://docs.python.org/3/library/logging.html#logrecord-attributes",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG004",
        name="exception-outside-handler",
        message="`.exception()` outside an except handler has no traceback to log",
        category="reliability",
        priority="medium",
        pylint_id="W5804",
        summary="`.exception()` called outside an except handler",
        why=(
            "`.exception()` logs the exception that is currently being handled. "
            "Outside an `except` block there is none, so the log shows a puzzling "
            "`NoneType: None` where a traceback should be. If you meant to report a "
            "problem, `.error()` says so plainly; if you have an exception object in "
            "hand, pass it as `exc_info=exc`."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def load_profile(path):
    profile = read_profile(path)
    if profile is None:
        logger.exception("no profile found in %s", path)
    return profile
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def load_profile(path):
    profile = read_profile(path)
    if profile is None:
        logger.error("no profile found in %s", path)
    return profile
""",
        testing="""\
Assert that the record carries no exception information and the right level:

```python
import logging

from myapp.profiles import load_profile


def test_missing_profile_is_an_error(caplog, tmp_path):
    load_profile(tmp_path / "missing.toml")
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert record.exc_info is None
```""",
        limitations=(
            "A `lambda` written inside a handler counts as inside it, even when it is "
            "called later, after the handler has ended (as in flake8-logging)."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.exception",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/log-exception-outside-except-handler/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG005",
        name="error-instead-of-exception",
        message="`.error()` in an except handler; use `.exception()`",
        category="reliability",
        priority="medium",
        pylint_id="W5805",
        summary="`.error()` in a handler drops the traceback",
        why=(
            "Inside an `except` block, `.error()` records that something failed but "
            "drops the traceback, which is usually the one thing you need when you "
            "read the log later. `.exception()` logs at the same level and attaches "
            "the traceback for you. If the traceback really is noise for this error, "
            "say so with `exc_info=False` and the rule stays quiet."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def fetch_rates(client):
    try:
        return client.get_rates()
    except ConnectionError:
        logger.error("could not fetch exchange rates")
        return None
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def fetch_rates(client):
    try:
        return client.get_rates()
    except ConnectionError:
        logger.exception("could not fetch exchange rates")
        return None
""",
        testing="""\
Make the dependency fail and assert that the record carries the exception:

```python
from myapp.rates import fetch_rates


class DownClient:
    def get_rates(self):
        raise ConnectionError("down")


def test_fetch_rates_logs_traceback(caplog):
    assert fetch_rates(DownClient()) is None
    [record] = caplog.records
    assert record.exc_info[0] is ConnectionError
```""",
        limitations=(
            "Only `.error()` is reported, as in flake8-logging: `.critical()` and "
            "`.log(logging.ERROR, ...)` in a handler drop the traceback too but are "
            "left alone. An `exc_info` computed at run time (`exc_info=verbose`, "
            "`exc_info=sys.exc_info()`) is treated as a deliberate choice and not "
            "reported either. An expected failure whose message already says it "
            "all (a missing optional backend, a user's bad input) is reported "
            "too: pass `exc_info=False` when the traceback is not wanted."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.exception",
            "https://docs.python.org/3/library/logging.html#logging.Logger.debug",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG006",
        name="redundant-exc-info",
        message="`exc_info` is redundant in `.exception()`",
        category="maintainability",
        priority="low",
        pylint_id="C5806",
        summary="`.exception(..., exc_info=True)`",
        why=(
            "`.exception()` always attaches the exception being handled, so "
            "`exc_info=True` (or the caught exception itself) adds nothing. Dropping "
            "it makes the call shorter and makes it obvious that the traceback comes "
            "from the handler."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def sync_inventory(store):
    try:
        store.sync()
    except OSError:
        logger.exception("inventory sync failed", exc_info=True)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def sync_inventory(store):
    try:
        store.sync()
    except OSError:
        logger.exception("inventory sync failed")
""",
        testing="""\
The behaviour does not change, so the existing test still passes; if there is
none, assert that the record keeps its traceback:

```python
def test_sync_failure_keeps_traceback(caplog):
    sync_inventory(BrokenStore())
    assert caplog.records[0].exc_info[0] is OSError
```""",
        limitations=(
            "Only a true constant or the handler's own exception name is reported; "
            "`exc_info=sys.exc_info()`, just as redundant, is not."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.exception",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG007",
        name="exception-without-exc-info",
        message="`.exception()` with a false `exc_info`; use `.error()`",
        category="maintainability",
        priority="low",
        pylint_id="C5807",
        summary="`.exception(..., exc_info=False)`",
        why=(
            "`.exception(..., exc_info=False)` is `.error()` in disguise: the one "
            "thing that sets `.exception()` apart is switched off. A reader has to "
            "notice the keyword to learn that no traceback is logged. Write `.error()` "
            "and the intent is clear at a glance (inside a handler, keep "
            "`exc_info=False` to show the traceback is left out on purpose)."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def import_orders(rows):
    for row in rows:
        try:
            save_order(row)
        except DuplicateOrderError:
            logger.exception("order %s already imported", row["id"], exc_info=False)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def import_orders(rows):
    for row in rows:
        try:
            save_order(row)
        except DuplicateOrderError:
            logger.error("order %s already imported", row["id"], exc_info=False)
""",
        testing="""\
Assert the level and that no traceback is attached:

```python
import logging


def test_duplicate_order_is_logged_without_traceback(caplog):
    import_orders([{"id": 1}, {"id": 1}])
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert not record.exc_info
```""",
        limitations=(
            "Only a false constant is reported; `exc_info=verbose`, which may be false "
            "at run time, is not."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.exception",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/exception-without-exc-info/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG008",
        name="deprecated-warn",
        message="`.warn()` is deprecated; use `.warning()`",
        category="maintainability",
        priority="low",
        pylint_id="C5808",
        summary="the deprecated `.warn()` method",
        why=(
            "`warn()` is an old, undocumented alias of `warning()` that emits a "
            "`DeprecationWarning` each time it runs and may disappear from a future "
            "Python. `warning()` does exactly the same and will keep working."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def check_disk(percent_used):
    if percent_used > 90:
        logger.warn("disk %d%% full", percent_used)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def check_disk(percent_used):
    if percent_used > 90:
        logger.warning("disk %d%% full", percent_used)
""",
        testing="""\
Run the tests with deprecation warnings as errors (`pytest -W
error::DeprecationWarning`) so a leftover `warn()` fails, and assert on the
record:

```python
import logging


def test_full_disk_warns(caplog):
    check_disk(95)
    assert caplog.records[0].levelno == logging.WARNING
```""",
        limitations=(
            "Only calls on something recognised as a logger are reported: "
            "`audit.warn(...)` on a logger passed in as a parameter named `audit` is "
            "missed unless the name is listed in the `logger-names` option."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.warning",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG009",
        name="undocumented-warn-constant",
        message="`WARN` is an undocumented alias; use `WARNING`",
        category="maintainability",
        priority="low",
        pylint_id="C5809",
        summary="`logging.WARN` instead of `logging.WARNING`",
        why=(
            "`logging.WARN` is an undocumented alias of `logging.WARNING`. It works "
            "today, but readers have to wonder whether it is a different level, and "
            "documentation and tools only know `WARNING`."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def quiet_mode():
    logger.setLevel(logging.WARN)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def quiet_mode():
    logger.setLevel(logging.WARNING)
""",
        testing="""\
Check the effective level:

```python
import logging


def test_quiet_mode_sets_warning():
    quiet_mode()
    assert logger.getEffectiveLevel() == logging.WARNING
```""",
        limitations=(
            "`from .logging import WARN` (a module of your own project named "
            "`logging`) is not reported, unlike in flake8-logging."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging-levels",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/undocumented-warn/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG010",
        name="exception-as-message",
        message="`.exception()` given the caught exception as its message",
        category="maintainability",
        priority="low",
        pylint_id="C5810",
        summary="`.exception(exc)`: the exception passed as the message",
        why=(
            "`.exception()` already attaches the caught exception, so passing it as "
            "the message logs it twice. Worse, the message becomes `str(exc)`, which "
            "is sometimes empty and differs for every failure, so error trackers "
            "cannot group the records. A short fixed sentence saying what the code was "
            "doing works better."
        ),
        bad="""\
import logging
from decimal import Decimal, InvalidOperation

logger = logging.getLogger(__name__)


def parse_amount(text):
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        logger.exception(exc)
        return None
""",
        good="""\
import logging
from decimal import Decimal, InvalidOperation

logger = logging.getLogger(__name__)


def parse_amount(text):
    try:
        return Decimal(text)
    except InvalidOperation:
        logger.exception("could not parse amount %r", text)
        return None
""",
        testing="""\
Assert on the fixed message and the attached exception:

```python
from decimal import InvalidOperation


def test_bad_amount_is_logged(caplog):
    assert parse_amount("ten") is None
    [record] = caplog.records
    assert record.getMessage() == "could not parse amount 'ten'"
    assert record.exc_info[0] is InvalidOperation
```""",
        limitations=(
            "Only the bare name of the caught exception is reported; "
            "`logger.exception(str(exc))` is not (LOG021 covers the exception's text "
            "in error messages)."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.exception",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG011",
        name="pre-formatted-message",
        message="log message built eagerly with {}; pass the values as arguments",
        category="performance",
        priority="low",
        pylint_id="C5811",
        summary="message built before the call: f-string, `.format()`, `%`, `+`",
        why=(
            "A message formatted before the call (f-string, `.format()`, `%` or `+`) "
            "is built even when the level is disabled, which costs time on hot paths. "
            "It also gives every record a different message, so error trackers and log "
            "search can no longer group them by template. Pass the values as arguments "
            "and let logging format them only when the record is emitted."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def ship(order_id, carrier):
    logger.info(f"order {order_id} shipped with {carrier}")
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def ship(order_id, carrier):
    logger.info("order %s shipped with %s", order_id, carrier)
""",
        testing="""\
Assert on both the template and the values, which now live apart:

```python
import logging


def test_ship_logs_template(caplog):
    caplog.set_level(logging.INFO)
    ship(7, "ups")
    [record] = caplog.records
    assert record.msg == "order %s shipped with %s"
    assert record.args == (7, "ups")
```""",
        limitations=(
            "Only the message argument is checked: arguments formatted before the call "
            '(`logger.info("%s", f"{n} items")`) and messages built into a '
            "variable first are not reported."
        ),
        references=(
            "https://docs.python.org/3/howto/logging.html#logging-variable-data",
            "https://docs.python.org/3/howto/logging.html#optimization",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG012",
        name="placeholder-count-mismatch",
        message="message has {} `%` placeholder{} but {} argument{}",
        category="reliability",
        priority="high",
        pylint_id="E5812",
        summary="`%` placeholders and arguments do not match in number",
        why=(
            "When the number of `%` placeholders and the number of arguments differ, "
            "formatting fails at the moment the record is emitted: logging prints a "
            "`--- Logging error ---` traceback to stderr and the message is lost. With "
            "no arguments at all the placeholders are logged as they are. The same "
            "failure hits a message with `{}` placeholders (or none) and arguments, a "
            "habit carried over from `str.format()`."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def move(item, source, target):
    logger.info("moved %s from %s to %s", item, source)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def move(item, source, target):
    logger.info("moved %s from %s to %s", item, source, target)
""",
        testing="""\
Call `getMessage()` on the record, which formats it exactly as a handler would
and raises if the arguments do not fit:

```python
import logging


def test_move_message_formats(caplog):
    caplog.set_level(logging.INFO)
    move("box", "a", "b")
    assert caplog.records[0].getMessage() == "moved box from a to b"
```""",
        limitations=(
            "Only a literal message (or a `+` chain of literals) written in the call "
            "is counted; a template kept in a variable or constant is not."
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#printf-style-string-formatting",
            "https://docs.python.org/3/howto/logging.html#logging-variable-data",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG013",
        name="placeholder-key-mismatch",
        message="{} mapping key{}: {}",
        category="reliability",
        priority="high",
        pylint_id="E5813",
        summary="`%(key)s` names and the mapping's keys do not match",
        why=(
            "With named placeholders (`%(name)s`) the single argument is a mapping, "
            "and every name must be a key of it. A missing key raises `KeyError` when "
            "the record is emitted, and the message is lost; an unused key usually "
            "means a typo on one side."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def greet(user):
    logger.info("welcome back, %(name)s from %(city)s", {"name": user.name})
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def greet(user):
    logger.info(
        "welcome back, %(name)s from %(city)s",
        {"name": user.name, "city": user.city},
    )
""",
        testing="""\
Format the record in the test:

```python
import logging


def test_greet_message_formats(caplog):
    caplog.set_level(logging.INFO)
    greet(User(name="Ada", city="London"))
    message = caplog.records[0].getMessage()
    assert message == "welcome back, Ada from London"
```""",
        limitations=(
            "Keys are only known from a dict literal with string keys passed as the "
            "one argument; a mapping held in a variable or built with `dict(...)` is "
            "not checked."
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#printf-style-string-formatting",
            "https://github.com/adamchainz/flake8-logging",
        ),
    ),
    Rule(
        code="LOG014",
        name="exc-info-outside-handler",
        message="`exc_info=True` outside an except handler",
        category="reliability",
        priority="medium",
        pylint_id="W5814",
        summary="`exc_info=True` where there is no exception to attach",
        why=(
            "`exc_info=True` asks logging to attach the exception being handled. "
            "Outside an `except` block there is none, so the log shows `NoneType: "
            "None` instead of a traceback. Drop the keyword, or pass the exception "
            "object itself (`exc_info=exc`) if you have one."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def check_free_space(free_bytes):
    if free_bytes < 1_000_000:
        logger.warning("less than 1 MB free", exc_info=True)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def check_free_space(free_bytes):
    if free_bytes < 1_000_000:
        logger.warning("less than 1 MB free")
""",
        testing="""\
Assert that the record has no exception information:

```python
def test_low_space_warning(caplog):
    check_free_space(10)
    assert caplog.records[0].exc_info is None
```""",
        limitations=(
            "Only a true constant is reported; `exc_info=verbose`, which may be true "
            "at run time, is not. A callback that another library calls from "
            "inside its own `except` block (celery's `on_timer_error`, called by "
            "kombu) is reported although the exception is active when it runs: "
            "pass the exception itself (`exc_info=exc`)."
        ),
        references=(
            "https://docs.python.org/3/library/logging.html#logging.Logger.debug",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/exc-info-outside-except-handler/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG015",
        name="root-logger-call",
        message="logging call on the root logger; use a module logger",
        category="maintainability",
        priority="medium",
        pylint_id="W5815",
        summary="`logging.info(...)` and friends log through the root logger",
        why=(
            "`logging.info(...)` and its siblings log through the root logger, so the "
            "record says `root` instead of the module it came from, and you cannot "
            "turn one part of the application up or down on its own. If nothing has "
            "configured logging yet, these functions also call `basicConfig()` behind "
            "your back. A module logger from `logging.getLogger(__name__)` avoids all "
            "three."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def start_server(port):
    logging.info("listening on port %d", port)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def start_server(port):
    logger.info("listening on port %d", port)
""",
        testing="""\
Assert on the logger name, which is what the fix changes:

```python
import logging


def test_start_server_logs_under_module_name(caplog):
    caplog.set_level(logging.INFO)
    start_server(8000)
    assert caplog.records[0].name == "myapp.server"
```""",
        limitations=(
            "The root logger kept in a variable (`root = logging.getLogger()`) is not "
            "followed. `logging.getLogger(None).info(...)`, the explicit way to ask "
            "for the root logger, is not reported by design. Test files are "
            "checked too, so a test that logs through the root logger on purpose "
            "(to test log capture) is reported: ignore the rule for that file."
        ),
        references=(
            "https://docs.python.org/3/howto/logging.html#advanced-logging-tutorial",
            "https://docs.python.org/3/library/logging.html#logging.basicConfig",
            "https://github.com/adamchainz/flake8-logging",
            "https://docs.astral.sh/ruff/rules/root-logger-call/",
        ),
        ruff=True,
    ),
    Rule(
        code="LOG016",
        name="bare-except-handler",
        message="bare `except:` also catches KeyboardInterrupt and SystemExit",
        category="reliability",
        priority="high",
        pylint_id="W5816",
        summary="`except:` with no exception type",
        why=(
            "A bare `except:` catches everything that derives from `BaseException`, "
            "not only errors: Ctrl-C (`KeyboardInterrupt`), `sys.exit()` "
            "(`SystemExit`) and `GeneratorExit`, which closes generators. A worker "
            "that should stop keeps running, a test run ignores Ctrl-C, and the "
            "handler meant for a parse error quietly handles a shutdown. Name the "
            "errors you expect, or write `except Exception:` when you really mean "
            "any error. A bare `except:` that ends with `raise` lets everything "
            "through again and is not reported."
        ),
        bad="""\
import json


def load_settings(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except:
        return {"debug": False}
""",
        good="""\
import json
import logging

logger = logging.getLogger(__name__)


def load_settings(path):
    try:
        with open(path) as handle:
            return json.load(handle)
    except (OSError, json.JSONDecodeError):
        logger.warning("cannot read %s; using defaults", path, exc_info=True)
        return {"debug": False}
""",
        testing="""\
Check that the expected failure still falls back, and that an interrupt now
gets through:

```python
import json

import pytest

from myapp import settings


def test_load_settings_falls_back_on_bad_json(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert settings.load_settings(path) == {"debug": False}


def test_load_settings_lets_interrupts_through(monkeypatch, tmp_path):
    def interrupted(handle):
        raise KeyboardInterrupt

    monkeypatch.setattr(json, "load", interrupted)
    path = tmp_path / "settings.json"
    path.write_text("{}")
    with pytest.raises(KeyboardInterrupt):
        settings.load_settings(path)
```""",
        limitations=(
            "Only a bare `raise` written directly in the handler's body counts as "
            "re-raising; a `raise` under an `if` does not, so a handler that "
            "re-raises only in some cases is still reported. So is a catch-all "
            "that hands the exception on without raising it, such as Twisted's "
            "`return defer.fail(Failure())`."
        ),
        references=(
            "https://docs.python.org/3/tutorial/errors.html#handling-exceptions",
            "https://docs.python.org/3/library/exceptions.html#exception-hierarchy",
            "https://peps.python.org/pep-0008/#programming-recommendations",
            "https://docs.astral.sh/ruff/rules/bare-except/",
        ),
    ),
    Rule(
        code="LOG017",
        name="broad-exception-hidden",
        message="`except {}` hides the error: no re-raise, no log, no use",
        category="reliability",
        priority="high",
        pylint_id="W5817",
        summary="`except Exception` whose handler lets the error vanish",
        why=(
            "`except Exception` catches every error, including the ones nobody "
            "thought of: a typo that raises `NameError`, a `TypeError` from a "
            "changed signature, a lost database connection. When the handler then "
            "neither re-raises, nor logs, nor reports the exception, nor even looks "
            "at it, all of them turn into the same fallback value and the program "
            "goes on as if nothing had happened. The first sign of the bug is "
            "wrong data much later. Log the exception (at warning level or above, "
            "or with `exc_info`), hand it to your error tracker, re-raise it, or "
            "catch only the errors you expect."
        ),
        bad="""\
def read_quota(client, user_id):
    try:
        return client.fetch_quota(user_id)
    except Exception:
        quota = 0
    return quota
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def read_quota(client, user_id):
    try:
        return client.fetch_quota(user_id)
    except Exception:
        logger.exception("quota service failed for user %s", user_id)
        quota = 0
    return quota
""",
        testing="""\
Make the dependency fail and assert that the fallback comes with a record
that carries the exception:

```python
import logging

from myapp.quota import read_quota


class BrokenClient:
    def fetch_quota(self, user_id):
        raise RuntimeError("quota backend down")


def test_read_quota_logs_the_failure(caplog):
    with caplog.at_level(logging.WARNING):
        assert read_quota(BrokenClient(), 7) == 0
    [record] = caplog.records
    assert record.exc_info[0] is RuntimeError
```""",
        limitations=(
            "A comment excuses only a silent handler, as for LOG018: a commented "
            "fallback value is still reported. Calls that record the exception "
            "without naming it count only "
            "when they are known and keep it: `sys.exc_info()`, "
            "`traceback.format_exc()`, `inspect.trace()`, Twisted's `Failure()` "
            "and celery's "
            "`ExceptionInfo()` (printing it with `traceback.print_exc()` does "
            "not count); a helper of your own that reads `sys.exc_info()` "
            "is not seen, so `except Exception: report_current_error()` is "
            "reported unless `report_current_error` is listed in "
            "`reporter-functions`. In tests, a broad catch that turns the error "
            "into a value a later assertion checks is reported too. So is a "
            "catch-all whose fallback is the intended answer to any error, such "
            "as a probe (`try: dumps(x)` then `except Exception: x = repr(x)`) or "
            "a first attempt that is retried once, with the retry's error reported."
        ),
        options=("reporter-functions",),
        references=(
            "https://docs.python.org/3/library/exceptions.html#Exception",
            "https://docs.python.org/3/howto/logging.html#when-to-use-logging",
            "https://docs.sentry.io/platforms/python/usage/#capturing-errors",
            "https://docs.astral.sh/ruff/rules/blind-except/",
        ),
    ),
    Rule(
        code="LOG018",
        name="exception-swallowed",
        message="{} `{}:` swallows the exception and does nothing",
        category="reliability",
        priority="high",
        pylint_id="W5818",
        summary="a handler whose body is only `pass`, `continue` or a constant",
        why=(
            "A handler whose body is only `pass`, `continue`, `break` or `return` "
            "of a constant makes an error disappear without a trace. Sometimes "
            "that is exactly right, but a reader cannot tell a deliberate choice "
            "from a forgotten one, and when the error starts to matter nobody can "
            "see it. Say why in a comment (tool directives such as `# noqa` do not "
            "count), use `contextlib.suppress(...)` for the errors you mean to "
            "ignore, or log the exception. Lookup misses (`KeyError`, "
            "`AttributeError`, `StopIteration` and the rest of the "
            "`expected-exceptions` setting; a Django project adds `DoesNotExist`) "
            "are not reported."
        ),
        bad="""\
import os


def remove_pidfile(path):
    try:
        os.remove(path)
    except OSError:
        pass
""",
        good="""\
import contextlib
import os


def remove_pidfile(path):
    # A missing file is fine: the process may never have written one.
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
""",
        testing="""\
Test both sides: the case you mean to ignore, and one you do not, which must
now reach the caller:

```python
import pytest

from myapp.daemon import remove_pidfile


def test_remove_pidfile_ignores_a_missing_file(tmp_path):
    remove_pidfile(tmp_path / "missing.pid")


def test_remove_pidfile_reports_other_errors(tmp_path):
    with pytest.raises(IsADirectoryError):
        remove_pidfile(tmp_path)
```""",
        limitations=(
            "Narrow catches used as ordinary control flow are reported unless they "
            "carry a comment: `except ValueError: pass` around `int(text)` or "
            "`list.remove(x)`, `except socket.timeout: continue` in a polling "
            "loop, `except ValueError: return False` in a yes/no function, a "
            "`try` with an `else:` block. On the projects we measured, most "
            "findings on specific "
            "exception classes were such idioms; list the classes your code "
            "treats as normal outcomes in `expected-exceptions`, or explain them "
            "in a comment. A comment above the `except` line does not count (only "
            "the `except` line and the body do)."
        ),
        options=("expected-exceptions",),
        references=(
            "https://peps.python.org/pep-0020/",
            "https://docs.python.org/3/library/contextlib.html#contextlib.suppress",
            "https://docs.astral.sh/ruff/rules/try-except-pass/",
            "https://docs.astral.sh/ruff/rules/try-except-continue/",
        ),
    ),
    Rule(
        code="LOG019",
        name="sensitive-data-in-log",
        message="log call may write a secret: {}",
        category="security",
        priority="critical",
        pylint_id="W5819",
        summary="passwords, tokens, keys or whole request dumps in a log call",
        why=(
            "Logs travel further than secrets should: they are shipped to "
            "aggregators, kept for months, pasted into tickets and read by people "
            "who would never get the credentials store. A password, token or API "
            "key written there is a leaked credential that has to be rotated, and "
            "a whole dump of `request.headers`, `request.cookies`, the request "
            "body or `os.environ` carries `Authorization` headers, session cookies "
            "and keys along with whatever you wanted to see. The rule reads names, "
            "attributes, string keys and the text before a placeholder "
            '(`"password: %s"`), and stays quiet for data about a secret '
            "(`token_count`, `is_token_valid`, `len(token)`, `mask(token)`). The "
            "message names the sensitive word, never a value."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def log_in(client, username, password):
    logger.info("log in %s with password %s", username, password)
    return client.authenticate(username, password)


def handle_webhook(request):
    logger.debug("webhook headers: %s", request.headers)
    return process(request.json)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def log_in(client, username, password):
    logger.info("log in %s", username)
    return client.authenticate(username, password)


def handle_webhook(request):
    logger.debug("webhook from %s", request.headers.get("User-Agent"))
    return process(request.json)
""",
        testing="""\
Call the code with a recognisable fake secret and assert that it never reaches
the log, at every level:

```python
import logging

from myapp.auth import log_in


def test_password_is_not_logged(caplog):
    caplog.set_level(logging.DEBUG)
    log_in(FakeClient(), "ada", "fake-pw-7f3a")
    assert "fake-pw-7f3a" not in caplog.text
```""",
        limitations=(
            "The rule reads names, not data flow. A secret held under a neutral "
            'name is missed (`body = urlencode({"password": pw})` then '
            '`logger.debug("body %s", body)`), and so is a message built in an '
            "earlier statement and logged by name. A harmless value with a "
            "sensitive name is reported: rename it or list it in `sensitive-allow`. "
            "An attribute logs the attribute, so `credentials.username` and "
            "`token.expires_at` pass, while `str(credentials)` is reported even "
            "when the object's text holds no secret. Keyword names of calls inside "
            "the arguments are not read (`build(password=pw)`), only their values "
            "(except `dict(...)`). To keep noise down on real code the rule also "
            "passes: `expiration`, `file`, `dir`, `pos`, `offset`, `index`, `line`, "
            "`start`, `end`, `attempt`, `retry` (and a few spellings of these) "
            "after the sensitive word; tokens that mark a place (`next_page_token`, "
            "`continuation_token`, `acquire_token`); a plural `tokens` unless it "
            "follows `access`, `refresh`, `auth`, `api`, `bearer`, `session`, "
            "`oauth`, `csrf` or `id`; a local set only to literals in its function "
            '(`token1 = "ping"` in a test); a number computed with a number '
            "(`attempt + 1`); and, for a key-value lead, a value named like a "
            "boolean (`valid_token`), the caught exception, or text that reports "
            'a failure (`"failed to fetch token: %s"`). `sha*()` means `sha` '
            "followed by a digit or `_` (`sha256`), not `shadow()`. With "
            "`pii = true`, network addresses (`client_address`, `ip_address`) pass."
        ),
        options=("sensitive-words", "sensitive-allow", "pii", "redaction-functions"),
        references=(
            "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html",
            "https://cwe.mitre.org/data/definitions/532.html",
            "https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/",
        ),
    ),
    Rule(
        code="LOG020",
        name="no-module-logger",
        message="module logs without a module logger from `getLogger(__name__)`",
        category="maintainability",
        priority="medium",
        pylint_id="W5820",
        summary="a module that logs but defines no `getLogger(__name__)` logger",
        why=(
            "Logger names form a tree that follows your packages: configuring "
            "`shop` sets the level and handlers of `shop.orders` and "
            "`shop.payments` too, and every record says which module wrote it. A "
            "module that logs through the root logger, through a logger imported "
            "from another module, or through a hard-coded name such as `utils` "
            "files its records under the wrong branch, so you cannot turn one "
            "module's debug output on, or a noisy one off, without touching the "
            "rest. One line at the top of the module, "
            "`logger = logging.getLogger(__name__)`, keeps the tree intact."
        ),
        bad="""\
from myapp.log import logger


def fetch(url):
    logger.info("fetching %s", url)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def fetch(url):
    logger.info("fetching %s", url)
""",
        testing="""\
Check that the records carry the module's own name, which is what lets a
configuration single the module out:

```python
import logging

from myapp import fetcher


def test_fetch_logs_under_its_module_name(caplog):
    with caplog.at_level(logging.INFO, logger="myapp.fetcher"):
        fetcher.fetch("https://example.org")
    assert [r.name for r in caplog.records] == ["myapp.fetcher"]
```""",
        limitations=(
            "The finding is made once per module, at its first logging call. A "
            "logger made in a class body counts as a module logger (the body runs "
            "once, at import). The module's own dotted name written out "
            '(`getLogger("shop.search")` in `shop/search.py`) counts as '
            "`__name__`; inside a function only a name computed there below "
            "it does. Any other literal is reported, deliberate ones included: "
            'Django\'s `getLogger("django.request")` names a purpose, not a '
            "module (silence it with `# noqa: LOG020`). "
            "Calls on an object's logger (`app.logger`, `spider.logger`, an "
            "injected `self.logger`) do not trigger the rule: the object chose "
            "its logger; a `self.log` this file builds with `getLogger()` in a "
            "method does. Test files (`test_*.py`, `*_test.py`, `conftest.py`, files "
            "under `tests/`, `test/` or `t/`) are not checked. A module that "
            "only uses loguru is not checked either. A name that merely looks "
            "like a logger (`from distutils import log`) can still trigger it."
        ),
        options=("logger-factories",),
        references=(
            "https://docs.python.org/3/howto/logging.html#advanced-logging-tutorial",
            "https://docs.python.org/3/library/logging.html#logger-objects",
        ),
    ),
    Rule(
        code="LOG021",
        name="exception-text-in-message",
        message="caught exception `{}` interpolated into the error message",
        category="reliability",
        priority="medium",
        pylint_id="W5821",
        summary="the caught exception's text pasted into an error-level message",
        why=(
            "Pasting the caught exception into an error message (`%s` with `exc`, "
            "`str(exc)`, `f\"{exc}\"`) makes every failure a different message. "
            "Error trackers and log searches group records by their message "
            "template, so a thousand timeouts become a thousand distinct issues. "
            "With the traceback attached (`.exception()`, `exc_info=True`) the "
            "text is already in the record, twice; without it, the type and the "
            "stack are gone and only the text is left. Keep the message constant, "
            "put the context in the arguments, and let `.exception()` carry the "
            "error."
        ),
        bad="""\
import logging

logger = logging.getLogger(__name__)


def charge(gateway, order):
    try:
        gateway.charge(order.total)
    except gateway.Declined as exc:
        logger.exception("payment failed: %s", exc)
        raise
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def charge(gateway, order):
    try:
        gateway.charge(order.total)
    except gateway.Declined:
        logger.exception("payment failed for order %s", order.id)
        raise
""",
        testing="""\
Assert that the message stays the same whatever the error says, and that the
exception travels in the record:

```python
import logging

import pytest

from myapp.billing import charge


def test_charge_logs_a_stable_message(caplog, declining_gateway, order):
    with pytest.raises(declining_gateway.Declined):
        charge(declining_gateway, order)
    [record] = caplog.records
    assert record.msg == "payment failed for order %s"
    assert record.exc_info is not None
```""",
        limitations=(
            "Only the names bound by the enclosing `except ... as name` clauses "
            "are followed: `msg = str(exc)` on one line and `logger.critical(msg)` "
            "on the next is not reported. Calls that LOG005 or LOG010 already "
            "report are left to them."
        ),
        references=(
            "https://docs.python.org/3/howto/logging.html#optimization",
            "https://docs.sentry.io/concepts/data-management/event-grouping/",
            "https://docs.astral.sh/ruff/rules/verbose-log-message/",
        ),
    ),
    Rule(
        code="LOG022",
        name="raise-without-from",
        message="`raise {}` in an except handler without `from`",
        category="reliability",
        priority="medium",
        pylint_id="W5822",
        summary="a new exception raised in a handler hides its cause",
        why=(
            "A new exception raised inside a handler without `from` gets the "
            "caught one only as its implicit context, and the traceback reads "
            "\"During handling of the above exception, another exception "
            "occurred\": it looks like a second bug in the error handling, not "
            "like the cause of the first. `raise NewError(...) from exc` records "
            "the cause and says so (\"The above exception was the direct cause "
            "...\"); `from None` says on purpose that the cause does not matter. "
            "Exits and test outcomes (`SystemExit`, `pytest.skip()`, "
            "`click.Abort`, Django's `CommandError` and the like) and a raise "
            "that passes the caught exception on as an argument are not reported."
        ),
        bad="""\
import json


class ConfigError(ValueError):
    pass


def parse_config(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid config at line {exc.lineno}")
""",
        good="""\
import json


class ConfigError(ValueError):
    pass


def parse_config(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid config at line {exc.lineno}") from exc
""",
        testing="""\
Assert the chain, not only the type:

```python
import json

import pytest

from myapp.config import ConfigError, parse_config


def test_parse_config_keeps_the_cause():
    with pytest.raises(ConfigError) as caught:
        parse_config("{oops")
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
```""",
        limitations=(
            "`raise name` where `name` is a lower-case variable or attribute is "
            "taken as re-raising an exception caught earlier and is not reported, "
            "even when that variable holds a new exception built in the handler."
        ),
        references=(
            "https://docs.python.org/3/reference/simple_stmts.html#the-raise-statement",
            "https://peps.python.org/pep-3134/",
            "https://docs.astral.sh/ruff/rules/raise-without-from-inside-except/",
        ),
    ),
    Rule(
        code="LOG023",
        name="generic-exception-raised",
        message="`raise {}` is too generic; raise a specific exception class",
        category="maintainability",
        priority="medium",
        pylint_id="W5823",
        summary="`raise Exception(...)` that callers can only catch broadly",
        why=(
            "Code that calls a function raising a plain `Exception` can only "
            "catch it with `except Exception`, which also catches every bug on "
            "the way. Callers cannot tell \"insufficient funds\" from a typo. A "
            "class of your own (or a fitting built-in such as `ValueError` or "
            "`TypeError`) lets them catch exactly that failure and lets the "
            "error tracker group it. Test files are checked too; the report "
            "lists their places apart from the others."
        ),
        bad="""\
def withdraw(balance, amount):
    if amount > balance:
        raise Exception("insufficient funds")
    return balance - amount
""",
        good="""\
class InsufficientFundsError(ValueError):
    \"\"\"A withdrawal larger than the balance.\"\"\"


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFundsError("insufficient funds")
    return balance - amount
""",
        testing="""\
Catch the specific class in the test, which would fail with a plain
`Exception`:

```python
import pytest

from myapp.accounts import InsufficientFundsError, withdraw


def test_withdraw_refuses_overdraft():
    with pytest.raises(InsufficientFundsError):
        withdraw(10, 20)
```""",
        limitations=(
            "Only `Exception` and `BaseException` named directly (or through "
            "`builtins.`) are seen: an alias (`Error = Exception`) or a class "
            "stored in a variable is not followed. Test files are checked, so a "
            "test or a stub that raises a plain `Exception` to simulate a failure "
            "is reported; on the projects we measured most findings were such, "
            "so ignore the rule under your tests folder if that is your style."
        ),
        references=(
            "https://docs.python.org/3/tutorial/errors.html#user-defined-exceptions",
            "https://docs.python.org/3/library/exceptions.html#exception-hierarchy",
            "https://docs.astral.sh/ruff/rules/raise-vanilla-class/",
        ),
    ),
    Rule(
        code="LOG024",
        name="exception-details-exposed",
        message="exception details sent to the user through {}",
        category="security",
        priority="high",
        pylint_id="W5824",
        summary="exception text or a traceback returned in a web response",
        why=(
            "An exception's text and traceback describe your code, not the "
            "user's request: file paths, SQL statements, host names, library "
            "versions, sometimes values from the configuration. Returned in a "
            "response, they tell an attacker how the service is built and where "
            "it breaks. Log the exception on the server, and send the client a "
            "fixed message (with an error id if support needs to find the log "
            "record). Details shown only under a debug setting "
            "(`if settings.DEBUG:`) are not reported."
        ),
        bad="""\
from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/orders/<int:order_id>")
def show_order(order_id):
    try:
        return jsonify(load_order(order_id))
    except Exception as exc:
        return jsonify(error=str(exc)), 500
""",
        good="""\
import logging

from flask import Flask, jsonify

logger = logging.getLogger(__name__)
app = Flask(__name__)


@app.route("/orders/<int:order_id>")
def show_order(order_id):
    try:
        return jsonify(load_order(order_id))
    except Exception:
        logger.exception("cannot load order %s", order_id)
        return jsonify(error="internal error"), 500
""",
        testing="""\
Make the handler fail with a recognisable message and assert that it stays on
the server:

```python
from myapp import orders


def test_show_order_hides_the_error(client, monkeypatch):
    def broken(order_id):
        raise RuntimeError("secret-db-host:5432 refused")

    monkeypatch.setattr(orders, "load_order", broken)
    response = client.get("/orders/1")
    assert response.status_code == 500
    assert b"secret-db-host" not in response.data
```""",
        limitations=(
            "Only the exception bound by the enclosing `except ... as name` and "
            "`traceback.format_*()` calls are followed: `message = str(exc)` on "
            "one line and `return message` on the next is not reported. Web "
            "handlers are recognised by their decorators and by the method names "
            "of view classes; a handler registered in another way (`add_url_rule`, "
            "`path(...)` with a plain function) is only checked for response "
            "constructors. Errors a framework renders (Django REST framework's "
            "`ValidationError`, for one) are not followed."
        ),
        references=(
            "https://owasp.org/www-community/Improper_Error_Handling",
            "https://cwe.mitre.org/data/definitions/209.html",
            "https://flask.palletsprojects.com/en/stable/errorhandling/",
        ),
    ),
    Rule(
        code="LOG025",
        name="print-for-diagnostics",
        message="`{}` used for diagnostics; use a logger",
        category="maintainability",
        priority="medium",
        pylint_id="W5825",
        summary="`print()` and friends in library code, where a logger belongs",
        why=(
            "Text printed to stdout or stderr has no level, no timestamp, no "
            "module name and no traceback, and nothing in production collects "
            "it: under a WSGI server, a worker or a container it is lost or "
            "mixed into unrelated output, and it cannot be turned off or "
            "raised to a warning. A logger sends the same line through the "
            "application's handlers, where it can be filtered, routed and "
            "searched. `traceback.print_exc()` in an except handler is the "
            "worst case: the one traceback that would explain a failure goes "
            "where nobody reads it, while `logger.exception()` keeps it."
        ),
        bad="""\
def load(path):
    print("loading", path)
""",
        good="""\
import logging

logger = logging.getLogger(__name__)


def load(path):
    logger.info("loading %s", path)
""",
        testing="""\
Assert on the log record instead of captured output:

```python
import logging

from myapp import loader


def test_load_logs_the_path(caplog, capsys):
    with caplog.at_level(logging.INFO, logger="myapp.loader"):
        loader.load("data.csv")
    assert "loading data.csv" in caplog.messages
    assert capsys.readouterr().out == ""
```""",
        limitations=(
            "Only the built-in `print` is reported, and not when the module "
            "defines, assigns or imports a `print` of its own (`from rich import "
            "print`); `console.print` and `self.print` are methods, not "
            "`print`. Writing to a stream the caller chose (`print(row, "
            "file=out)`, `traceback.print_exc(file=buf)`) is output, not "
            "diagnostics, and passes. Besides the command-line contexts of the "
            "design, these count as programs: `setup.py`, `noxfile.py`, "
            "a file that starts with `#!` or whose name "
            "cannot be imported, files under `test/`, `t/`, `example/`, "
            "`demo/`, `demos/`, `doc/` and `benchmarks/`; "
            "functions that prompt with `input()` or `getpass()`, and output "
            "under `if verbose:`, `if verbosity >= 2:` or `if not quiet:`. A "
            "command-line front end that lives inside the package under another "
            "name (a worker's start-up banner, an interactive shell) is still "
            "reported: list it in `print-allowed-in`. So are modules named "
            "`cli.py` or `cmdline.py`, `commands/` and `management/` folders, "
            "`print_*` helpers and the methods of a `Command` class other than "
            "`handle`; on Scrapy and Django most findings were such code."
        ),
        options=("print-allowed-in",),
        references=(
            "https://docs.python.org/3/howto/logging.html#when-to-use-logging",
            "https://docs.python.org/3/library/logging.html#logging.Logger.exception",
            "https://docs.astral.sh/ruff/rules/print/",
        ),
    ),
    Rule(
        code="LOG026",
        name="file-handler-without-rotation",
        message="{}: log files grow until the disk is full",
        category="maintainability",
        priority="medium",
        pylint_id="W5826",
        summary="a log file handler with no rotation or no backup limit",
        why=(
            "A `FileHandler` appends for as long as the process runs, across "
            "restarts, until the disk fills; then the application, and often "
            "the database next to it, fails in ways that look unrelated to "
            "logging. `RotatingFileHandler` only rotates when both `maxBytes` "
            "and `backupCount` are above zero, and `TimedRotatingFileHandler` "
            "keeps every old file unless `backupCount` is set. Give the handler "
            "a size or time limit and a number of files to keep, or log to "
            "stderr and let the platform (journald, Docker, a log shipper) "
            "store and rotate it."
        ),
        bad="""\
import logging


def setup_logging():
    handler = logging.FileHandler("app.log")
    logging.getLogger().addHandler(handler)
""",
        good="""\
import logging
from logging.handlers import RotatingFileHandler


def setup_logging():
    handler = RotatingFileHandler("app.log", maxBytes=10_000_000, backupCount=5)
    logging.getLogger().addHandler(handler)
""",
        testing="""\
Check that the handler your set-up installs is bounded:

```python
import logging
from logging.handlers import RotatingFileHandler

from myapp.logconfig import setup_logging


def test_log_file_is_rotated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    setup_logging()
    handlers = logging.getLogger().handlers
    files = [h for h in handlers if isinstance(h, logging.FileHandler)]
    assert files and all(isinstance(h, RotatingFileHandler) for h in files)
    assert all(h.maxBytes > 0 and h.backupCount > 0 for h in files)
```""",
        limitations=(
            "Handlers are recognised through `logging`, `logging.handlers` and "
            "names imported from them; a subclass of `FileHandler` is not "
            "followed. A limit passed in a variable, through `*args` or "
            "`**kwargs`, or a mapping with `**defaults` gets the benefit of the "
            "doubt. Configuration in YAML, INI or `fileConfig` files is not "
            "read. A handler writing to `os.devnull` passes, and test files "
            "(`test_*.py`, `*_test.py`, `conftest.py`, files under `tests/`, "
            "`test/` or `t/`) are not checked: their log files live in "
            "temporary folders. A short-lived trace file a user asked for is "
            "reported like any other."
        ),
        references=(
            "https://docs.python.org/3/library/logging.handlers.html#rotatingfilehandler",
            "https://docs.python.org/3/library/logging.handlers.html#timedrotatingfilehandler",
            "https://docs.python.org/3/library/logging.handlers.html#watchedfilehandler",
        ),
    ),
    Rule(
        code="LOG027",
        name="logging-configured-on-import",
        message="`{}` configures logging when the module is imported",
        category="maintainability",
        priority="medium",
        pylint_id="W5827",
        summary="logging set up at module level of an importable module",
        why=(
            "Logging configuration belongs to the application, once, at start-up. "
            "A module that calls `logging.basicConfig()`, adds a handler or sets "
            "the root level when it is imported takes that decision for every "
            "program that imports it: records get printed twice, levels change "
            "depending on import order, and later `basicConfig()` calls silently "
            "do nothing because the root logger already has a handler. Libraries "
            "should add at most a `NullHandler`; applications configure logging "
            'in `main()` or under `if __name__ == "__main__":`.'
        ),
        bad="""\
import logging

logging.basicConfig(level=logging.INFO)
""",
        good="""\
import logging


def main():
    logging.basicConfig(level=logging.INFO)


if __name__ == "__main__":
    main()
""",
        testing="""\
Import the module in a clean interpreter and check that the root logger is
as it was:

```python
import subprocess
import sys

CODE = (
    "import logging, myapp.client; "
    "root = logging.getLogger(); "
    "assert not root.handlers and root.level == logging.WARNING"
)


def test_import_leaves_logging_alone():
    subprocess.run([sys.executable, "-c", CODE], check=True)
```""",
        limitations=(
            "Only calls made directly at module level are reported (`if`, `try` "
            "and `with` blocks count as module level); a function called at "
            "import time that configures logging is not followed. Besides the "
            "file names of the design, a file whose name cannot be imported "
            "(`run-etl.py`) is treated as a program; a `#!` script is not, as "
            "its tests can still import it. A handler "
            "counts as a `NullHandler` only when it is built inline or bound to a "
            "name in the same file. Adding a handler or setting the level on the "
            "root logger is reported even with a `NullHandler`."
        ),
        options=("config-allowed-in",),
        references=(
            "https://docs.python.org/3/howto/logging.html#configuring-logging-for-a-library",
            "https://docs.python.org/3/library/logging.html#logging.basicConfig",
        ),
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULE_LIST}


def get_rule(code: str) -> Rule:
    """The rule for ``code``, including the internal-error pseudo rule."""
    if code == INTERNAL_ERROR.code:
        return INTERNAL_ERROR
    return RULES[code]
