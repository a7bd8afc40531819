"""The rewriting engine behind ``logerr fix`` and the report (being written)."""
