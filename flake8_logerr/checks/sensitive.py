"""LOG019: passwords, tokens, keys and whole request dumps written to a log.

What the rule looks at, in every logging call: the message, the positional
arguments and the keyword values (``extra=`` for the standard library; every
keyword for loguru and structlog, whose keywords are logged). Inside those it
follows the value that reaches the log: names, attributes, string keys of
lookups and dict literals, keyword names of ``dict(...)``, the parts of
f-strings, ``%``, ``str.format`` and ``+`` chains. A value stops counting
where it is only measured or redacted (``len(token)``, ``mask(token)``,
``token is None``), and an attribute access logs the attribute, not the
object (``token.expires_at`` is not the token).

Which names are sensitive is decided on words: an identifier is split on
``_``, ``-`` and camelCase, case-folded, and its words are compared with the
word list. The last sensitive word decides; a metadata word after it
(``token_count``, ``password_reset_url``), a predicate before it
(``is_secret``) or a count prefix (``num_tokens``) turns the name into data
about the secret, not the secret.

One finding per call, at the first offending sub-expression in source order:
the name, attribute, lookup or keyword that carries the value; for a dump,
the ``request.headers`` attribute itself; for a key-value lead such as
``"password: %s"``, the argument that fills the placeholder.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any

from flake8_logerr.checks.logging_calls import PLACEHOLDER_RE
from flake8_logerr.core import Context
from flake8_logerr.loggers import LogCall
from flake8_logerr.names import last_name
from flake8_logerr.settings import Settings

SENSITIVE_WORDS = (
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "apikey",
    "api_key",
    "access_key",
    "private_key",
    "secret_key",
    "client_secret",
    "credential",
    "credentials",
    "cookie",
    "authorization",
    "auth_header",
    "bearer",
    "jwt",
    "session_key",
    "sessionid",
    "ssn",
    "credit_card",
    "card_number",
    "cvv",
    "cvc",
    "otp",
    "pin_code",
    # Cookie and header spellings written as one word.
    "csrftoken",
    "xsrftoken",
    "authtoken",
    "accesstoken",
    "refreshtoken",
)

# Personal data, added by ``pii = true``.
PII_WORDS = ("email", "phone", "address", "dob", "birth_date", "passport")

# A sensitive word followed by one of these names data about the secret.
METADATA_WORDS = frozenset(
    (
        "count",
        "len",
        "length",
        "size",
        "type",
        "kind",
        "name",
        "field",
        "id",
        "url",
        "uri",
        "path",
        "expiry",
        "expires",
        "expires_at",
        "ttl",
        "policy",
        "min",
        "max",
        "required",
        "valid",
        "validator",
        "hash",
        "hashed",
        "mask",
        "masked",
        "redacted",
        "prefix",
        # Beyond the design's list, found on real code: where a secret is
        # kept (``private_key_file``), where a token sits in a text
        # (``token_pos``), when it ends and how often it was tried.
        "expire",
        "expired",
        "expiration",
        "file",
        "filename",
        "dir",
        "directory",
        "pos",
        "position",
        "offset",
        "index",
        "idx",
        "start",
        "end",
        "line",
        "lineno",
        "col",
        "column",
        "attempt",
        "attempts",
        "retry",
        "retries",
    )
)

# Names starting with these words are booleans about the secret.
PREDICATE_WORDS = frozenset(("is", "has", "should", "needs", "use"))

# A value named like a boolean (``valid_token``) does not carry the secret it
# is about: "Valid token: %s" logs True or False.
BOOLEAN_VALUE_PREFIXES = PREDICATE_WORDS | frozenset(
    ("valid", "can", "was", "did", "does", "uses")
)

# ``num_tokens``, ``max_tokens``: a count of secrets, not a secret.
COUNT_PREFIXES = frozenset(("num", "n", "nb", "number", "count", "total", "max", "min"))

# Tokens of text (lexers, tokenizers, language models), not credentials.
NLP_NAMES = frozenset(("tokens", "tokenizer", "tokenize", "token_ids", "max_tokens"))

# The plural ``tokens`` counts only with a word that makes it a credential.
CREDENTIAL_TOKEN_QUALIFIERS = frozenset(
    ("access", "refresh", "auth", "api", "bearer", "session", "oauth", "csrf", "id")
)

# ``next_page_token``, ``acquire_token``: tokens that only mark a place or a
# turn (paging cursors, semaphores, cancellation), not credentials.
PLACE_TOKEN_QUALIFIERS = frozenset(
    (
        "page",
        "pagination",
        "continuation",
        "next",
        "start",
        "starting",
        "resume",
        "cursor",
        "sync",
        "acquire",
        "cancel",
        "cancellation",
    )
)

# ``client_address``, ``ip_address``: where a machine is, not where a person
# lives (only read with ``pii = true``).
NETWORK_ADDRESS_QUALIFIERS = frozenset(
    (
        "ip",
        "ipv4",
        "ipv6",
        "inet",
        "mac",
        "socket",
        "sock",
        "client",
        "server",
        "remote",
        "local",
        "peer",
        "host",
        "bind",
        "listen",
        "proxy",
        "gateway",
        "broadcast",
        "multicast",
        "network",
        "net",
        "src",
        "dst",
        "source",
        "destination",
        "memory",
        "mem",
        "base",
    )
)

# The words before a sensitive word that make it something else.
HARMLESS_QUALIFIERS = {
    "token": PLACE_TOKEN_QUALIFIERS,
    "address": NETWORK_ADDRESS_QUALIFIERS,
}

# "Failed to get token: %s" introduces the failure, not the token.
_FAILURE_RE = re.compile(
    r"\b(?:error|errors|fail|failed|failure|failing|unable|cannot|can't|could not"
    r"|couldn't|exception)\b",
    re.IGNORECASE,
)

# ``request.<attr>`` logged whole; compared case-folded (Django: ``POST``).
REQUEST_DUMP_ATTRIBUTES = frozenset(
    ("headers", "cookies", "form", "post", "json", "body", "data")
)

# Flask's ways of reading the body, the same dump as ``request.json``.
REQUEST_DUMP_METHODS = frozenset(("get_json", "get_data"))

# Calls whose result no longer carries the value (``len``, ``bool``, ``hash``
# come from the design; the others only say what a value is).
MEASURING_FUNCTIONS = frozenset(
    ("len", "bool", "hash", "type", "id", "isinstance", "callable", "hasattr")
)

# Redaction names: ``mask*``, ``redact*`` and hash functions.
REDACTION_PREFIXES = ("mask", "redact")
_SHA_RE = re.compile(r"^sha(?:\d|_|$)")
HASH_WORDS = frozenset(("hash", "hashed", "digest", "hexdigest"))
HASH_MODULES = frozenset(("hashlib", "hmac"))

# Methods whose result says something about the value without carrying it.
NON_CARRYING_METHODS = frozenset(
    (
        "startswith",
        "endswith",
        "count",
        "find",
        "rfind",
        "index",
        "rindex",
        "keys",
        "isalnum",
        "isalpha",
        "isascii",
        "isdecimal",
        "isdigit",
        "isidentifier",
        "islower",
        "isnumeric",
        "isprintable",
        "isspace",
        "istitle",
        "isupper",
    )
)

# ``mapping.get("key")``: a lookup logs the entry, not the mapping.
LOOKUP_METHODS = frozenset(
    ("get", "getlist", "get_all", "getall", "getone", "pop", "setdefault")
)

# ``token.value``: attributes that hand on the object's own content.
CONTENT_ATTRIBUTES = frozenset(("value", "val", "raw", "text", "content", "plaintext"))

# ``get_token()`` returns a token; other verbs say nothing about the result.
GETTER_VERBS = frozenset(("get", "fetch", "read", "load", "obtain", "retrieve"))

# Keywords of the standard library's logging methods that are not logged.
NOT_LOGGED_KEYWORDS = frozenset(("exc_info", "stack_info", "stacklevel", "msg"))

_WORD_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

# ``"new password: %s"``: a name, a separator, maybe an opening quote.
_LEAD_RE = re.compile(
    r"(?P<phrase>[A-Za-z0-9_\-]+(?: [A-Za-z0-9_\-]+)?) ?[:=] *['\"`(\[<]? *$"
)
_FORMATTER = string.Formatter()

# How deep an argument is read (Python frames stay far below the limit).
_MAX_DEPTH = 100

# Answers kept per settings; string keys can be many in a large run.
_CACHE_LIMIT = 65536

# String keys that name a value (``"X-Api-Key"``, ``"auth.token"``), unlike
# URLs or sentences passed to ``requests.get("https://...")``.
_KEY_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\- ]{0,63}")


@lru_cache(maxsize=16384)
def split_words(identifier: str) -> tuple[str, ...]:
    """Case-folded words of an identifier or key: ``apiKey`` -> (api, key)."""
    return tuple(word.lower() for word in _WORD_RE.findall(identifier))


class WordRules:
    """The word list of one set of settings; answers are cached per name."""

    def __init__(self, settings: Settings) -> None:
        entries = list(SENSITIVE_WORDS) + list(settings.sensitive_words)
        if settings.pii:
            entries += PII_WORDS
        self.single: frozenset[str] = frozenset(
            words[0] for words in map(split_words, entries) if len(words) == 1
        )
        self.multi: tuple[tuple[str, ...], ...] = tuple(
            words for words in map(split_words, entries) if len(words) > 1
        )
        # ``self.token_bucket`` in the settings means the attribute's name.
        self.allow = frozenset(
            "_".join(split_words(name.rsplit(".", 1)[-1]))
            for name in settings.sensitive_allow
        )
        self.redaction = tuple(
            name.rsplit(".", 1)[-1] for name in settings.redaction_functions
        )
        self._cache: dict[str, str | None] = {}

    def sensitive_word(self, name: str) -> str | None:
        """The sensitive word ``name`` stands for, or None."""
        try:
            return self._cache[name]
        except KeyError:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            word = self._cache[name] = self._classify(split_words(name))
            return word

    def _classify(self, words: tuple[str, ...]) -> str | None:
        if not words or "_".join(words) in self.allow:
            return None
        if words[0] in PREDICATE_WORDS or "_".join(words) in NLP_NAMES:
            return None
        if len(words) > 1 and words[0] in COUNT_PREFIXES:
            return None

        found = self.last_match(words)
        if found is None:
            return None
        end, word = found
        harmless = HARMLESS_QUALIFIERS.get(word)
        if harmless is not None and end > 0 and words[end - 1] in harmless:
            return None
        for after in words[end + 1 :]:
            if after in METADATA_WORDS or (
                after.endswith("s") and after[:-1] in METADATA_WORDS
            ):
                return None
        return word

    def last_match(self, words: Sequence[str]) -> tuple[int, str] | None:
        """``(index of the last word, entry)`` of the last sensitive match."""
        for end in range(len(words) - 1, -1, -1):
            word = words[end]
            for entry in self.multi:
                start = end - len(entry) + 1
                if start >= 0 and self._same(
                    words[start:end], entry[:-1], word, entry[-1]
                ):
                    return end, "_".join(entry)
            if word in self.single:
                return end, word
            if word.endswith("es") and word[:-2] in self.single:
                return end, word[:-2]
            # ``tokens`` alone is text; ``access_tokens`` are credentials.
            if (
                word.endswith("s")
                and word[:-1] in self.single
                and (
                    word != "tokens"
                    or (end > 0 and words[end - 1] in CREDENTIAL_TOKEN_QUALIFIERS)
                )
            ):
                return end, word[:-1]
        return None

    @staticmethod
    def _same(
        head: Sequence[str], entry_head: Sequence[str], last: str, entry_last: str
    ) -> bool:
        return tuple(head) == tuple(entry_head) and (
            last == entry_last or last == entry_last + "s"
        )

    def about_secret(self, name: str) -> bool:
        """A name with a sensitive word that still is not a secret: ``token_id``."""
        words = split_words(name)
        return self.sensitive_word(name) is None and self.last_match(words) is not None

    def lead_word(self, text: str) -> str | None:
        """The sensitive word named by ``"... password: "`` right before a value."""
        match = _LEAD_RE.search(text)
        if match is None or _FAILURE_RE.search(text):
            return None
        chunks = match["phrase"].split(" ")
        last_chunk = split_words(chunks[-1])
        if not last_chunk or last_chunk[0] in PREDICATE_WORDS:
            return None
        if "_".join(last_chunk) in self.allow:
            return None
        words = tuple(w for chunk in chunks for w in split_words(chunk))
        found = self.last_match(words)
        # Natural language names the value by its last word: "token for user:"
        # is about the user.
        if found is None or found[0] != len(words) - 1:
            return None
        return self._classify(words)

    def is_redaction(self, name: str) -> bool:
        """A function (by its own last name) whose result hides the value."""
        folded = name.lower()
        if folded in MEASURING_FUNCTIONS or folded.startswith(REDACTION_PREFIXES):
            return True
        if _SHA_RE.match(folded) or folded.endswith("_hash"):
            return True
        if any(word in HASH_WORDS for word in split_words(name)):
            return True
        return any(fnmatchcase(name, pattern) for pattern in self.redaction)


@lru_cache(maxsize=16)
def word_rules(settings: Settings) -> WordRules:
    """The ``WordRules`` of ``settings``, built once per settings value."""
    return WordRules(settings)


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _string(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _key(node: ast.expr | None) -> str | None:
    """The text of a string literal that reads as a key or a name."""
    text = _string(node)
    if text is not None and _KEY_RE.fullmatch(text):
        return text
    return None


def _bound_to_literals(
    function: ast.FunctionDef | ast.AsyncFunctionDef | None, name: str
) -> bool:
    """Whether ``name`` is a local of ``function`` only ever set to literals.

    ``token1 = "ping"`` in a test is a fixture, not a secret read at run
    time. Called only for names that would be reported, so it stays cheap.
    """
    if function is None:
        return False
    arguments = function.args
    for arg in (
        *arguments.posonlyargs,
        *arguments.args,
        *arguments.kwonlyargs,
        arguments.vararg,
        arguments.kwarg,
    ):
        if arg is not None and arg.arg == name:
            return False
    stores = 0
    literal_stores = 0
    for node in ast.walk(function):
        if isinstance(node, ast.Name):
            stores += node.id == name and isinstance(node.ctx, ast.Store)
            continue
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            targets, value = [node.target], node.value
        if isinstance(value, ast.Constant):
            literal_stores += sum(
                isinstance(target, ast.Name) and target.id == name for target in targets
            )
    # Any other store (a loop variable, ``with ... as``, unpacking, an
    # import or a computed value) may hold a real secret.
    return stores > 0 and stores == literal_stores


def _is_arithmetic(node: ast.BinOp) -> bool:
    """``attempt + 1``: a number computed with a number is no secret."""
    return any(
        isinstance(side, ast.Constant)
        and isinstance(side.value, (int, float))
        and not isinstance(side.value, bool)
        for side in (node.left, node.right)
    )


def dump_name(node: ast.expr) -> str | None:
    """``request.headers`` or ``os.environ`` when ``node`` is one of them."""
    if not isinstance(node, ast.Attribute):
        return None
    receiver = last_name(node.value)
    if receiver is None:
        return None
    if receiver.lower() == "request" and node.attr.lower() in REQUEST_DUMP_ATTRIBUTES:
        return f"{receiver}.{node.attr}"
    if receiver == "os" and node.attr == "environ":
        return "os.environ"
    return None


def _placeholder_name(field: str) -> str | None:
    """The name a ``str.format`` field ends with: ``user.password`` -> password."""
    last = re.split(r"[.\[\]]", field.rstrip("]"))[-1]
    return last if last and not last.isdigit() else None


class Scan:
    """Walks what one logging call writes and collects offending places."""

    def __init__(
        self,
        rules: WordRules,
        function: ast.FunctionDef | ast.AsyncFunctionDef | None = None,
        caught: str | None = None,
    ) -> None:
        self.rules = rules
        self.function = function
        # The exception name of the enclosing handler: its text is an error
        # message, not the secret a "token: %s" lead announces.
        self.caught = caught
        # (node, description) pairs; the first in source order is reported.
        self.found: list[tuple[Any, str]] = []
        self.depth = 0

    def add(self, node: Any, word: str) -> None:
        self.found.append((node, f"`{word}`"))

    def name(self, node: Any, name: str) -> None:
        word = self.rules.sensitive_word(name)
        if word is not None:
            self.add(node, word)

    # -- values ------------------------------------------------------------

    def value(self, node: ast.expr | None, lookup: bool = False) -> None:
        """Scan an expression whose value reaches the log.

        ``lookup`` is set for the container of ``x[key]``/``x.get(key)``,
        which is read from, not logged whole.
        """
        if node is None or isinstance(node, ast.Constant):
            return
        # Generated code can nest thousands of levels (``a - b - c ...``);
        # past this depth nothing is read rather than hit the recursion limit.
        if self.depth >= _MAX_DEPTH:
            return
        self.depth += 1
        try:
            self._value(node, lookup)
        finally:
            self.depth -= 1

    def _value(self, node: ast.expr, lookup: bool) -> None:
        if isinstance(node, ast.Name):
            word = self.rules.sensitive_word(node.id)
            if word is not None and not _bound_to_literals(self.function, node.id):
                self.add(node, word)
        elif isinstance(node, ast.Attribute):
            self.attribute(node, lookup)
        elif isinstance(node, ast.Subscript):
            self.subscript(node)
        elif isinstance(node, ast.Call):
            self.call(node)
        elif isinstance(node, ast.JoinedStr):
            self.template(self.fstring_parts(node))
        elif isinstance(node, ast.FormattedValue):
            self.value(node.value)
        elif isinstance(node, ast.BinOp):
            self.binop(node)
        elif isinstance(node, ast.Dict):
            self.dict_literal(node)
        elif isinstance(node, ast.UnaryOp):
            # ``not token`` is a boolean.
            if not isinstance(node.op, ast.Not):
                self.value(node.operand)
        elif isinstance(node, ast.BoolOp):
            for item in node.values:
                self.value(item)
        elif isinstance(node, ast.IfExp):
            # The test only chooses; the branches are logged.
            self.value(node.body)
            self.value(node.orelse)
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            for item in node.elts:
                self.value(item)
        elif isinstance(node, (ast.Starred, ast.Await)):
            self.value(node.value)
        elif isinstance(node, ast.NamedExpr):
            self.name(node.target, node.target.id)
            self.value(node.value)
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            self.comprehension(node.elt, node.generators)
        elif isinstance(node, ast.DictComp):
            self.comprehension(node.key, node.generators)
            self.comprehension(node.value, node.generators)
        # Compare is a boolean; Lambda, Yield and the rest log no value.

    def attribute(self, node: ast.Attribute, lookup: bool) -> None:
        dump = dump_name(node)
        if dump is not None:
            if not lookup:
                self.found.append((node, f"dump of `{dump}`"))
            return
        word = self.rules.sensitive_word(node.attr)
        if word is not None:
            self.add(node, word)
        elif node.attr in CONTENT_ATTRIBUTES:
            self.value(node.value)

    def subscript(self, node: ast.Subscript) -> None:
        key = node.slice
        if isinstance(key, ast.Slice):
            # A slice of a secret is still the secret.
            self.value(node.value, lookup=False)
            return
        text = _key(key)
        if text is not None:
            self.name(node, text)
        elif _string(key) is None:
            self.value(node.value, lookup=True)

    def call(self, node: ast.Call) -> None:
        func = node.func
        name = last_name(func)
        if self.hides_value(node):
            return
        if isinstance(func, ast.Attribute) and name == "format":
            template = _string(func.value)
            if template is not None:
                self.template(self.brace_parts(func.value, node.args, node.keywords))

        if isinstance(func, ast.Attribute) and func.attr in REQUEST_DUMP_METHODS:
            receiver = last_name(func.value)
            if receiver is not None and receiver.lower() == "request":
                self.found.append((node, f"dump of `{receiver}.{func.attr}()`"))
                return
        if isinstance(func, ast.Attribute) and func.attr in LOOKUP_METHODS:
            key = _key(node.args[0]) if node.args else None
            if key is not None:
                self.name(node, key)
            elif not node.args or _string(node.args[0]) is None:
                self.value(func.value, lookup=True)
            return
        if name == "getenv":
            key = _key(node.args[0]) if node.args else None
            if key is not None:
                self.name(node, key)
            return
        if name == "getattr" and len(node.args) >= 2:
            key = _key(node.args[1])
            if key is not None:
                self.name(node, key)
            elif _string(node.args[1]) is None:
                self.value(node.args[0], lookup=True)
            return

        if name is not None:
            words = split_words(name)
            if len(words) > 1 and words[0] in GETTER_VERBS:
                word = self.rules.sensitive_word("_".join(words[1:]))
                if word is not None:
                    self.add(node, word)
        if isinstance(func, ast.Attribute):
            # ``token.decode()``: a method's result carries its receiver.
            self.value(func.value)
        if name == "dict" and isinstance(func, ast.Name):
            for keyword in node.keywords:
                if keyword.arg is not None and self.carries(keyword.value):
                    self.name(keyword, keyword.arg)
        for arg in node.args:
            self.value(arg)
        for keyword in node.keywords:
            self.value(keyword.value)

    def hides_value(self, node: ast.Call) -> bool:
        """A redaction, hash, measuring call or a method that only tests."""
        func = node.func
        name = last_name(func)
        if name is not None and self.rules.is_redaction(name):
            return True
        if isinstance(func, ast.Attribute):
            if func.attr in NON_CARRYING_METHODS:
                return True
            if _root_name(func.value) in HASH_MODULES:
                return True
        return False

    def carries(self, node: ast.expr | None, depth: int = 0) -> bool:
        """Whether ``node`` can hand a raw value on (not a constant or test)."""
        if node is None or depth >= _MAX_DEPTH:
            return True
        depth += 1
        if isinstance(node, (ast.Constant, ast.Compare)):
            return False
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return False
        if isinstance(node, ast.Call):
            if (
                last_name(node.func) in ("str", "repr")
                and len(node.args) == 1
                and not node.keywords
            ):
                return self.carries(node.args[0], depth)
            return not self.hides_value(node)
        if isinstance(node, ast.BinOp) and _is_arithmetic(node):
            return False
        if isinstance(node, ast.Name) and node.id == self.caught:
            return False
        if isinstance(node, ast.JoinedStr):
            return any(
                isinstance(part, ast.FormattedValue) and self.carries(part.value, depth)
                for part in node.values
            )
        if isinstance(node, ast.IfExp):
            return self.carries(node.body, depth) or self.carries(node.orelse, depth)
        name = last_name(node)
        if name is not None:
            # ``valid_token`` is a boolean, ``token_id`` data about a token.
            words = split_words(name)
            if words and words[0] in BOOLEAN_VALUE_PREFIXES:
                return False
            return not self.rules.about_secret(name)
        return True

    def dict_literal(self, node: ast.Dict) -> None:
        for key, item in zip(node.keys, node.values):
            text = _key(key)
            if text is not None:
                if self.carries(item):
                    self.name(key, text)
            elif key is not None:
                self.value(key)
            self.value(item)

    def comprehension(self, elt: ast.expr, generators: list[ast.comprehension]) -> None:
        self.value(elt)
        # ``[c for c in cookies]`` logs the items themselves.
        if isinstance(elt, ast.Name):
            for generator in generators:
                targets = [generator.target]
                if isinstance(generator.target, ast.Tuple):
                    targets = generator.target.elts
                if any(
                    isinstance(target, ast.Name) and target.id == elt.id
                    for target in targets
                ):
                    self.value(generator.iter)

    # -- string building ---------------------------------------------------

    def binop(self, node: ast.BinOp) -> None:
        if _is_arithmetic(node):
            return
        if isinstance(node.op, ast.Mod) and _string(node.left) is not None:
            self.template(self.percent_parts(node.left, node.right))
            self.value(node.right)
            return
        if isinstance(node.op, ast.Add):
            self.template(self.concat_parts(node))
            return
        self.value(node.left)
        self.value(node.right)

    def template(self, parts: Iterator[tuple[str, ast.expr | None, Any]]) -> None:
        """Check the text before each placeholder, then scan its value.

        ``parts`` yields ``(literal text, value, anchor)``: the anchor is the
        node reported for a placeholder (None for plain text); the value is
        None when the placeholder's argument is not known.
        """
        lead = ""
        for text, item, anchor in parts:
            lead += text
            if anchor is None:
                continue
            word = self.rules.lead_word(lead)
            if word is not None and self.carries(item):
                self.add(anchor, word)
            lead = ""
            self.value(item)

    def fstring_parts(
        self, node: ast.JoinedStr
    ) -> Iterator[tuple[str, ast.expr | None, Any]]:
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                yield "", part.value, part.value
            elif isinstance(part, ast.Constant) and isinstance(part.value, str):
                yield part.value, None, None

    def concat_parts(
        self, node: ast.BinOp
    ) -> Iterator[tuple[str, ast.expr | None, Any]]:
        terms: list[ast.expr] = []
        stack: list[ast.expr] = [node]
        while stack:
            term = stack.pop()
            if isinstance(term, ast.BinOp) and isinstance(term.op, ast.Add):
                stack.append(term.right)
                stack.append(term.left)
            else:
                terms.append(term)
        for term in terms:
            text = _string(term)
            if text is not None:
                yield text, None, None
            elif isinstance(term, ast.JoinedStr):
                yield from self.fstring_parts(term)
            else:
                yield "", term, term

    def percent_parts(
        self, msg: ast.expr, args: ast.expr | Sequence[ast.expr]
    ) -> Iterator[tuple[str, ast.expr | None, Any]]:
        """Parts of a ``%`` template filled from ``args`` (a node or a list)."""
        text = _string(msg) or ""
        if isinstance(args, ast.Tuple):
            positional: Sequence[ast.expr] = args.elts
        elif isinstance(args, ast.expr):
            positional = [args]
        else:
            positional = args
        mapping = positional[0] if len(positional) == 1 else None

        start = 0
        index = 0
        for match in PLACEHOLDER_RE.finditer(text):
            literal = text[start : match.start()]
            start = match.end()
            if match["type"] == "%":
                yield literal + "%", None, None
                continue
            key = match["key"]
            if key is not None:
                # ``%(password)s``: the key names the value.
                item = self.mapping_value(mapping, key)
                anchor = item or mapping or msg
                if self.carries(item):
                    self.name(anchor, key)
                yield literal, item, anchor
                continue
            if match["width"] == "*" or match["precision"] == "*":
                # Star widths take arguments too: the pairing is lost.
                return
            item = positional[index] if index < len(positional) else None
            index += 1
            yield literal, item, item
        yield text[start:], None, None

    @staticmethod
    def mapping_value(mapping: ast.expr | None, key: str) -> ast.expr | None:
        if isinstance(mapping, ast.Dict):
            for dict_key, item in zip(mapping.keys, mapping.values):
                if _string(dict_key) == key:
                    return item
        return None

    def brace_parts(
        self,
        msg: ast.expr,
        args: Sequence[ast.expr],
        keywords: Sequence[ast.keyword],
    ) -> Iterator[tuple[str, ast.expr | None, Any]]:
        """Parts of a ``str.format`` (or loguru) template."""
        text = _string(msg) or ""
        try:
            fields = list(_FORMATTER.parse(text))
        except ValueError:
            # A malformed template formats nothing, so it can leak nothing.
            return
        named = {kw.arg: kw.value for kw in keywords if kw.arg is not None}
        auto = 0
        for literal, field, _spec, _conversion in fields:
            if field is None:
                yield literal, None, None
                continue
            head = re.split(r"[.\[]", field, maxsplit=1)[0]
            item: ast.expr | None
            if head == "":
                item = args[auto] if auto < len(args) else None
                auto += 1
            elif head.isdigit():
                item = args[int(head)] if int(head) < len(args) else None
            else:
                item = named.get(head)
            # ``{user.password}``: the field names the value.
            last = _placeholder_name(field)
            if last is not None and self.carries(item):
                self.name(msg, last)
            yield literal, item, item


# LOG019
def check_log019_sensitive_data_in_log(ctx: Context, call: LogCall) -> None:
    handler = call.scope.handler
    scan = Scan(
        word_rules(ctx.settings),
        call.scope.function,
        handler.name if handler is not None else None,
    )
    msg = call.msg
    # ``extra=`` for the standard library; loguru and structlog log every
    # other keyword under its own name.
    logged = [kw for kw in call.node.keywords if kw.arg not in NOT_LOGGED_KEYWORDS]
    named = [kw for kw in logged if kw.arg is not None and kw.arg != "extra"]

    # The message, paired with its arguments when it is a literal template.
    if msg is not None and _string(msg) is not None:
        if call.stdlib:
            if call.args:
                scan.template(scan.percent_parts(msg, call.args))
        elif call.args or named:
            # loguru formats only when there is something to format.
            scan.template(scan.brace_parts(msg, call.args, named))
    else:
        scan.value(msg)
    for arg in call.args:
        scan.value(arg)

    for keyword in logged:
        if keyword in named and scan.carries(keyword.value):
            scan.name(keyword, keyword.arg or "")
        scan.value(keyword.value)

    if scan.found:
        place, what = min(
            scan.found, key=lambda found: (found[0].lineno, found[0].col_offset)
        )
        ctx.report("LOG019", place, what)


HOOKS: list[tuple[Any, Any]] = [("log_call", check_log019_sensitive_data_in_log)]
