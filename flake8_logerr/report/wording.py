"""Short per-rule phrases the report needs beside the rule table's long texts.

``HINTS`` label a rewritten line (an inline comment in "Recommended
Solution"); ``BENEFITS`` finish the sentence "Fixing these places ...".
A test checks that both cover every rule of the table.
"""

from __future__ import annotations

HINTS = {
    "LOG001": "a registered logger, named after the module",
    "LOG002": "name the logger after the module, not its file",
    "LOG003": "an extra key that no LogRecord attribute uses",
    "LOG004": "no exception is being handled here: log at error level",
    "LOG005": ".exception() records the traceback too",
    "LOG006": ".exception() attaches the traceback already",
    "LOG007": "exc_info=False means .error(), so say so",
    "LOG008": ".warning() replaces the deprecated .warn()",
    "LOG009": "WARNING is the documented name of the level",
    "LOG010": "a message that says what failed; the traceback holds the error",
    "LOG011": "values as arguments: formatted only if the record is emitted",
    "LOG012": "one argument for each % placeholder",
    "LOG013": "every %(key)s name present in the mapping",
    "LOG014": "no exception is active here, so no exc_info",
    "LOG015": "log through the module's own logger",
    "LOG016": "catch Exception: Ctrl-C and sys.exit() pass through",
    "LOG017": "log the failure before falling back",
    "LOG018": "record the failure instead of swallowing it",
    "LOG019": "log the fact, never the secret itself",
    "LOG020": "one logger per module, named after it",
    "LOG021": "a fixed message; the traceback carries the details",
    "LOG022": "`from` keeps the original error as the cause",
    "LOG023": "a specific exception class that callers can catch",
    "LOG024": "a generic message for the user; the details go to the log",
    "LOG025": "a logger instead of print()",
    "LOG026": "a size limit and a backup count, so the file rotates",
    "LOG027": "configure logging in the entry point, not on import",
}

BENEFITS = {
    "LOG001": "puts every record of these modules under the handlers and levels "
    "the application configures",
    "LOG002": "lets configuration aimed at the package reach these loggers",
    "LOG003": "removes a `KeyError` that would otherwise crash the call the day "
    "its level is enabled",
    "LOG004": "stops `NoneType: None` from appearing where a traceback is expected",
    "LOG005": "puts the traceback next to each error message, so the first look "
    "at the log shows where the failure started",
    "LOG006": "removes noise without changing what is logged",
    "LOG007": "makes each call say what it logs at a glance",
    "LOG008": "removes a deprecation warning and keeps the code working on future "
    "Pythons",
    "LOG009": "keeps to the documented API",
    "LOG010": "gives every failure a readable message and keeps the traceback",
    "LOG011": "skips the formatting work for records that are filtered out and "
    "lets log tools group identical messages",
    "LOG012": "stops these records from being lost with a formatting error at "
    "emit time",
    "LOG013": "stops these records from being lost with a formatting error at "
    "emit time",
    "LOG014": "stops empty tracebacks from cluttering the log",
    "LOG015": "lets each module's logging be configured on its own, and shows "
    "in every record which module wrote it",
    "LOG016": "lets Ctrl-C, `sys.exit()` and generator shutdown work again "
    "through these handlers",
    "LOG017": "turns silent failures into records someone can find",
    "LOG018": "turns silent failures into records someone can find",
    "LOG019": "keeps secrets out of log files, log shippers and the people who "
    "read them",
    "LOG020": "gives every module a logger of its own in the hierarchy",
    "LOG021": "lets error trackers group the same failure under one message",
    "LOG022": "keeps the original error in the traceback as the direct cause",
    "LOG023": "lets callers catch exactly the failure they can handle",
    "LOG024": "stops internal details (paths, queries, library versions) from "
    "reaching users and attackers",
    "LOG025": "sends diagnostics where the log handlers, levels and collectors "
    "can see them",
    "LOG026": "stops the log file from growing until the disk is full",
    "LOG027": "stops imports from rewriting the logging setup of whichever "
    "program imports these modules",
}
