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
    ),
    Rule(
        code="LOG002",
        name="invalid-get-logger-argument",
        message="`getLogger({})` names the logger after a path; use `__name__`",
        category="maintainability",
        priority="low",
        pylint_id="C5802",
        summary="`getLogger(__file__)` or `getLogger(__cached__)`",
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
    ),
    Rule(
        code="LOG004",
        name="exception-outside-handler",
        message="`.exception()` outside an except handler has no traceback to log",
        category="reliability",
        priority="medium",
        pylint_id="W5804",
        summary="`.exception()` called outside an except handler",
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
    ),
    Rule(
        code="LOG006",
        name="redundant-exc-info",
        message="`exc_info` is redundant in `.exception()`",
        category="maintainability",
        priority="low",
        pylint_id="C5806",
        summary="`.exception(..., exc_info=True)`",
    ),
    Rule(
        code="LOG007",
        name="exception-without-exc-info",
        message="`.exception()` with a false `exc_info`; use `.error()`",
        category="maintainability",
        priority="low",
        pylint_id="C5807",
        summary="`.exception(..., exc_info=False)`",
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
    ),
    Rule(
        code="LOG009",
        name="undocumented-warn-constant",
        message="`WARN` is an undocumented alias; use `WARNING`",
        category="maintainability",
        priority="low",
        pylint_id="C5809",
        summary="`logging.WARN` instead of `logging.WARNING`",
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
    ),
    Rule(
        code="LOG011",
        name="pre-formatted-message",
        message="log message built eagerly with {}; pass the values as arguments",
        category="performance",
        priority="low",
        pylint_id="C5811",
        summary="message built before the call: f-string, `.format()`, `%`, `+`",
    ),
    Rule(
        code="LOG012",
        name="placeholder-count-mismatch",
        message="message has {} `%` placeholder{} but {} argument{}",
        category="reliability",
        priority="high",
        pylint_id="E5812",
        summary="`%` placeholders and arguments do not match in number",
    ),
    Rule(
        code="LOG013",
        name="placeholder-key-mismatch",
        message="{} mapping key{}: {}",
        category="reliability",
        priority="high",
        pylint_id="E5813",
        summary="`%(key)s` names and the mapping's keys do not match",
    ),
    Rule(
        code="LOG014",
        name="exc-info-outside-handler",
        message="`exc_info=True` outside an except handler",
        category="reliability",
        priority="medium",
        pylint_id="W5814",
        summary="`exc_info=True` where there is no exception to attach",
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
    ),
    Rule(
        code="LOG017",
        name="broad-exception-hidden",
        message="`except {}` hides the error: no re-raise, no log, no use",
        category="reliability",
        priority="high",
        pylint_id="W5817",
        summary="`except Exception` whose handler lets the error vanish",
    ),
    Rule(
        code="LOG018",
        name="exception-swallowed",
        message="{} handler swallows the exception and does nothing",
        category="reliability",
        priority="high",
        pylint_id="W5818",
        summary="a handler whose body is only `pass`, `continue` or a constant",
    ),
    Rule(
        code="LOG019",
        name="sensitive-data-in-log",
        message="log call may write a secret: {}",
        category="security",
        priority="critical",
        pylint_id="W5819",
        summary="passwords, tokens, keys or whole request dumps in a log call",
    ),
    Rule(
        code="LOG020",
        name="no-module-logger",
        message="module logs without a module logger from `getLogger(__name__)`",
        category="maintainability",
        priority="medium",
        pylint_id="W5820",
        summary="a module that logs but defines no `getLogger(__name__)` logger",
    ),
    Rule(
        code="LOG021",
        name="exception-text-in-message",
        message="caught exception `{}` interpolated into the error message",
        category="reliability",
        priority="medium",
        pylint_id="W5821",
        summary="the caught exception's text pasted into an error-level message",
    ),
    Rule(
        code="LOG022",
        name="raise-without-from",
        message="`raise` in an except handler without `from`",
        category="reliability",
        priority="medium",
        pylint_id="W5822",
        summary="a new exception raised in a handler hides its cause",
    ),
    Rule(
        code="LOG023",
        name="generic-exception-raised",
        message="`raise {}` is too generic; raise a specific exception class",
        category="maintainability",
        priority="medium",
        pylint_id="W5823",
        summary="`raise Exception(...)` that callers can only catch broadly",
    ),
    Rule(
        code="LOG024",
        name="exception-details-exposed",
        message="exception details sent to the user in {}",
        category="security",
        priority="high",
        pylint_id="W5824",
        summary="exception text or a traceback returned in a web response",
    ),
    Rule(
        code="LOG025",
        name="print-for-diagnostics",
        message="`{}` used for diagnostics; use a logger",
        category="maintainability",
        priority="medium",
        pylint_id="W5825",
        summary="`print()` and friends in library code, where a logger belongs",
    ),
    Rule(
        code="LOG026",
        name="file-handler-without-rotation",
        message="{} never rotates: the log file grows until the disk is full",
        category="maintainability",
        priority="medium",
        pylint_id="W5826",
        summary="a log file handler with no rotation or no backup limit",
    ),
    Rule(
        code="LOG027",
        name="logging-configured-on-import",
        message="`{}` configures logging when the module is imported",
        category="maintainability",
        priority="medium",
        pylint_id="W5827",
        summary="logging set up at module level of an importable module",
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULE_LIST}


def get_rule(code: str) -> Rule:
    """The rule for ``code``, including the internal-error pseudo rule."""
    if code == INTERNAL_ERROR.code:
        return INTERNAL_ERROR
    return RULES[code]
