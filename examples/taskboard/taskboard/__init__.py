"""taskboard: a tiny task board."""

from taskboard import logging_config  # noqa: F401  (sets up logging)
