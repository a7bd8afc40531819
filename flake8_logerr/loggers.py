"""The logger table: which expressions are loggers, and which calls log.

This implements "What is a logger" of the design: the ``logging`` module and
its aliases, names bound anywhere in the file to a logger factory, inline
``logging.getLogger(...)``, ``self.x``/``cls.x`` attributes assigned a
factory call, and names matching the logger-name pattern.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from flake8_logerr.scope import Scope
from flake8_logerr.settings import Settings

LOGGING_METHODS = frozenset(
    (
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
    )
)

FACTORY_NAMES = frozenset(("getLogger", "get_logger", "get_task_logger"))

# https://docs.python.org/3/library/logging.html#logging-levels
LEVELS = {
    "CRITICAL": 50,
    "FATAL": 50,
    "ERROR": 40,
    "WARNING": 30,
    "WARN": 30,
    "INFO": 20,
    "DEBUG": 10,
    "NOTSET": 0,
}

METHOD_LEVELS = {
    "debug": 10,
    "info": 20,
    "warning": 30,
    "warn": 30,
    "error": 40,
    "exception": 40,
    "critical": 50,
    "fatal": 50,
}

LOGGER_NAME_RE = re.compile(r"^_*(log|logger|LOG|LOGGER)$|_(log|logger|LOG|LOGGER)$")

# Receiver kinds.
STDLIB = "stdlib"
LOGURU = "loguru"


@dataclass(slots=True)
class LogCall:
    """A call that logs, with the parts every logging rule asks about."""

    node: ast.Call
    scope: Scope
    method: str
    kind: str
    root: bool
    receiver: ast.expr | None
    msg: ast.expr | None
    msg_is_keyword: bool
    args: list[ast.expr]
    level: int | None

    def keyword(self, name: str) -> ast.keyword | None:
        for keyword in self.node.keywords:
            if keyword.arg == name:
                return keyword
        return None

    @property
    def stdlib(self) -> bool:
        return self.kind == STDLIB


class LoggerTable:
    """Collects bindings during the walk; answers questions after it."""

    def __init__(self, settings: Settings) -> None:
        self.logging_modules: set[str] = set()
        # local name -> name in the logging module (``from logging import x``)
        self.from_logging: dict[str, str] = {}
        self.loguru_names: set[str] = set()
        self.loguru_modules: set[str] = set()
        self.factories = FACTORY_NAMES | set(settings.logger_factories)
        self.extra_names = frozenset(settings.logger_names)
        # local name -> dotted names it may stand for, from every import
        # (``import logging.handlers as lh`` binds ``lh`` to logging.handlers).
        self.imports: dict[str, set[str]] = {}
        self._bound_values: list[tuple[ast.expr, ast.expr]] = []
        self._bound_names: set[str] | None = None
        self._bound_attrs: set[str] | None = None

    # -- during the walk ---------------------------------------------------

    def _bind(self, local: str, dotted: str) -> None:
        self.imports.setdefault(local, set()).add(dotted)

    def note_import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname is None:
                top = alias.name.partition(".")[0]
                self._bind(top, top)
            else:
                self._bind(alias.asname, alias.name)
            if alias.name == "logging":
                self.logging_modules.add(alias.asname or "logging")
            elif alias.name.startswith("logging.") and alias.asname is None:
                self.logging_modules.add("logging")
            elif alias.name == "loguru":
                self.loguru_modules.add(alias.asname or "loguru")

    def note_import_from(self, node: ast.ImportFrom) -> None:
        if node.level:
            return
        for alias in node.names:
            local = alias.asname or alias.name
            if node.module is not None and alias.name != "*":
                self._bind(local, f"{node.module}.{alias.name}")
            if node.module == "logging":
                self.from_logging[local] = alias.name
            elif node.module == "loguru" and alias.name == "logger":
                self.loguru_names.add(local)

    def note_assign(self, targets: list[ast.expr], value: ast.expr | None) -> None:
        if isinstance(value, ast.Call):
            for target in targets:
                self._bound_values.append((target, value))

    # -- after the walk ----------------------------------------------------

    def qualified_names(self, node: ast.expr) -> set[str]:
        """The imported dotted names ``node`` may stand for.

        ``lh.RotatingFileHandler`` after ``import logging.handlers as lh``
        gives ``{"logging.handlers.RotatingFileHandler"}``; a name that was
        not imported gives nothing.
        """
        attributes = []
        while isinstance(node, ast.Attribute):
            attributes.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return set()
        bases = self.imports.get(node.id)
        if not bases:
            return set()
        suffix = "".join("." + attr for attr in reversed(attributes))
        return {base + suffix for base in bases}

    def _freeze(self) -> None:
        names: set[str] = set()
        attrs: set[str] = set()
        # Two rounds so that ``log = logger.getChild("x")`` sees ``logger``
        # even when it is bound later in the file.
        for _ in range(2):
            self._bound_names, self._bound_attrs = names, attrs
            for target, value in self._bound_values:
                if not self.is_factory_call(value):
                    continue
                if isinstance(target, ast.Name):
                    names.add(target.id)
                elif (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in ("self", "cls")
                ):
                    attrs.add(target.attr)
            names, attrs = set(names), set(attrs)
        self._bound_names, self._bound_attrs = names, attrs

    @property
    def bound_names(self) -> set[str]:
        if self._bound_names is None:
            self._freeze()
        assert self._bound_names is not None
        return self._bound_names

    @property
    def bound_attrs(self) -> set[str]:
        if self._bound_attrs is None:
            self._freeze()
        assert self._bound_attrs is not None
        return self._bound_attrs

    def logging_attr(self, node: ast.expr) -> str | None:
        """``X`` when ``node`` is ``logging.X`` or a name imported from it."""
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in self.logging_modules
        ):
            return node.attr
        if isinstance(node, ast.Name):
            return self.from_logging.get(node.id)
        return None

    def is_logging_module(self, node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id in self.logging_modules

    def is_get_logger(self, call: ast.Call) -> bool:
        """The standard library's ``getLogger``, however it was imported."""
        return self.logging_attr(call.func) == "getLogger"

    def is_factory_call(self, node: ast.expr) -> bool:
        """A call whose result is a logger."""
        if not isinstance(node, ast.Call):
            return False
        func = node.func
        if self.logging_attr(func) in ("getLogger", "LoggerAdapter"):
            return True
        if isinstance(func, ast.Name):
            return func.id in self.factories
        if isinstance(func, ast.Attribute):
            if func.attr in self.factories:
                return True
            if func.attr == "getChild":
                return self.receiver_kind(func.value, allow_pattern=True) is not None
        return False

    def is_root_expr(self, node: ast.expr) -> bool:
        """``logging``, ``logging.root`` or ``logging.getLogger()``."""
        if self.is_logging_module(node):
            return True
        if self.logging_attr(node) == "root":
            return True
        return (
            isinstance(node, ast.Call)
            and self.is_get_logger(node)
            and not node.keywords
            and (
                not node.args
                or (
                    isinstance(node.args[0], ast.Constant)
                    and node.args[0].value in (None, "")
                )
            )
        )

    def receiver_kind(self, node: ast.expr, allow_pattern: bool) -> str | None:
        """``STDLIB`` or ``LOGURU`` when ``node`` is a logger, else None.

        ``allow_pattern`` admits names that only look like loggers; ``.log()``
        calls pass False so that ``math.log`` and ``self.log()`` stay quiet.
        """
        if isinstance(node, ast.Name):
            # A name also bound to a stdlib factory (a loguru import with a
            # stdlib fallback) is treated as stdlib, as flake8-logging does.
            if node.id in self.logging_modules or node.id in self.bound_names:
                return STDLIB
            if node.id in self.loguru_names:
                return LOGURU
            if allow_pattern and self._looks_like_logger(node.id):
                return STDLIB
            return None
        if isinstance(node, ast.Attribute):
            if (
                node.attr == "logger"
                and isinstance(node.value, ast.Name)
                and node.value.id in self.loguru_modules
            ):
                return LOGURU
            if self.logging_attr(node) == "root":
                return STDLIB
            # Case 4 of the design: ``self.x``/``cls.x`` counts by binding or
            # by name, even for ``.log()``.
            if (
                isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
                and (
                    node.attr in self.bound_attrs or self._looks_like_logger(node.attr)
                )
            ):
                return STDLIB
            if allow_pattern and self._looks_like_logger(node.attr):
                return STDLIB
            return None
        if isinstance(node, ast.Call) and self.is_factory_call(node):
            return STDLIB
        return None

    def _looks_like_logger(self, name: str) -> bool:
        return name in self.extra_names or LOGGER_NAME_RE.search(name) is not None

    def level_of(self, node: ast.expr) -> int | None:
        """The numeric level of ``logging.ERROR``, ``40`` and the like."""
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        name = self.logging_attr(node)
        if name is not None:
            return LEVELS.get(name)
        return None

    def log_call(self, node: ast.Call, scope: Scope) -> LogCall | None:
        """Describe ``node`` as a logging call, or None when it does not log."""
        func = node.func
        if isinstance(func, ast.Attribute):
            method = func.attr
            if method not in LOGGING_METHODS:
                return None
            receiver: ast.expr | None = func.value
            assert receiver is not None
            kind = self.receiver_kind(receiver, allow_pattern=method != "log")
            if kind is None:
                return None
            root = kind == STDLIB and self.is_root_expr(receiver)
        elif isinstance(func, ast.Name):
            # ``from logging import info`` then ``info(...)``: the root logger.
            method = self.from_logging.get(func.id, "")
            if method not in LOGGING_METHODS:
                return None
            receiver, kind, root = None, STDLIB, True
        else:
            return None

        positional = node.args
        if method == "log":
            level = self.level_of(positional[0]) if positional else None
            rest = positional[1:]
        else:
            level = METHOD_LEVELS[method]
            rest = positional

        msg_is_keyword = False
        msg: ast.expr | None = None
        if rest:
            msg, args = rest[0], list(rest[1:])
        else:
            args = []
            for keyword in node.keywords:
                if keyword.arg == "msg":
                    msg, msg_is_keyword = keyword.value, True
        return LogCall(
            node=node,
            scope=scope,
            method=method,
            kind=kind,
            root=root,
            receiver=receiver,
            msg=msg,
            msg_is_keyword=msg_is_keyword,
            args=args,
            level=level,
        )
