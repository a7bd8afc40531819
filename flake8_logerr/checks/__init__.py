"""Every rule, gathered into the hook tables the core runs.

Each module under ``checks/`` lists its rules in ``HOOKS``: pairs of an ast
node type (or ``"log_call"``, or ``"module"``) and a ``check_log0NN_…``
function. Adding a rule means writing the function and adding its pair.
A module may also list in ``FILED`` node types it reads with
``ctx.nodes_of`` without a check per node.
"""

from __future__ import annotations

from typing import Any

from flake8_logerr.checks import handlers, logging_calls, sensitive, setup
from flake8_logerr.core import LogCallCheck, ModuleCheck, NodeCheck

_MODULES: tuple[Any, ...] = (logging_calls, handlers, sensitive, setup)

NODE_CHECKS: dict[type, list[NodeCheck]] = {}
LOG_CALL_CHECKS: list[LogCallCheck] = []
MODULE_CHECKS: list[ModuleCheck] = []
FILED_TYPES: set[type] = set()

for _module in _MODULES:
    FILED_TYPES.update(getattr(_module, "FILED", ()))
    for _target, _check in _module.HOOKS:
        if _target == "log_call":
            LOG_CALL_CHECKS.append(_check)
        elif _target == "module":
            MODULE_CHECKS.append(_check)
        else:
            NODE_CHECKS.setdefault(_target, []).append(_check)
