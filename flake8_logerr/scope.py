"""Where a node sits: function, class, except handler, ``__main__`` guard."""

from __future__ import annotations

import ast

FUNCTION_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef)
# ``except*`` (Python 3.11+) has the same handler nodes as ``except``.
TRY_TYPES: tuple[type[ast.AST], ...] = tuple(
    t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None
)


class Scope:
    """An immutable frame of the scope stack; children share their parent's.

    A new frame starts at each function, class, except handler and
    ``if __name__ == "__main__":`` body. A nested ``def`` or ``class`` leaves
    the handler it sits in; a ``lambda`` does not.
    """

    __slots__ = ("class_", "function", "handler", "main_guard", "node", "parent")

    def __init__(
        self,
        parent: Scope | None,
        node: ast.AST,
        function: ast.FunctionDef | ast.AsyncFunctionDef | None,
        class_: ast.ClassDef | None,
        handler: ast.ExceptHandler | None,
        main_guard: bool,
    ) -> None:
        self.parent = parent
        self.node = node
        self.function = function
        self.class_ = class_
        self.handler = handler
        self.main_guard = main_guard

    @property
    def at_module_level(self) -> bool:
        """True outside every function and class body."""
        return self.function is None and self.class_ is None

    def enclosing_functions(self) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        """The functions around this point, innermost first."""
        found = []
        frame: Scope | None = self
        while frame is not None:
            if isinstance(frame.node, FUNCTION_TYPES):
                found.append(frame.node)
            frame = frame.parent
        return found

    def enclosing_handlers(self) -> list[ast.ExceptHandler]:
        """The except handlers around this point in the same function."""
        found = []
        frame: Scope | None = self
        while frame is not None and not isinstance(
            frame.node, (*FUNCTION_TYPES, ast.ClassDef)
        ):
            if isinstance(frame.node, ast.ExceptHandler):
                found.append(frame.node)
            frame = frame.parent
        return found

    def handling(self) -> ast.ExceptHandler | None:
        """The handler whose exception is being handled here, as LOG001-LOG015
        (and flake8-logging) see it: a class body inside a handler runs while
        the exception is handled, so only a function ends it, not a class.
        """
        frame: Scope | None = self
        while frame is not None:
            if frame.handler is not None:
                return frame.handler
            if isinstance(frame.node, FUNCTION_TYPES):
                return None
            frame = frame.parent
        return None

    def enter_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Scope:
        return Scope(self, node, node, self.class_, None, self.main_guard)

    def enter_class(self, node: ast.ClassDef) -> Scope:
        return Scope(self, node, None, node, None, self.main_guard)

    def enter_handler(self, node: ast.ExceptHandler) -> Scope:
        return Scope(self, node, self.function, self.class_, node, self.main_guard)

    def enter_main_guard(self, node: ast.If) -> Scope:
        return Scope(self, node, self.function, self.class_, self.handler, True)


def module_scope(tree: ast.AST) -> Scope:
    return Scope(None, tree, None, None, None, False)


def is_main_guard(node: ast.If) -> bool:
    """``if __name__ == "__main__":`` (either operand order)."""
    test = node.test
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
    ):
        return False
    sides = (test.left, test.comparators[0])
    has_name = any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
    has_main = any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)
    return has_name and has_main
