"""Logging for the whole app."""

import logging
import os

LOG_FILE = os.environ.get("TASKBOARD_LOG", "taskboard.log")

logging.basicConfig(
    level=logging.DEBUG,
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
)

file_handler = logging.FileHandler(LOG_FILE)
file_handler.setLevel(logging.WARN)
logging.getLogger().addHandler(file_handler)
