"""Storage: an in-memory stand-in for the database."""

import logging

log = logging.getLogger(__name__)

USERS = {
    "ada": {"password": "correct horse", "email": "ada@example.com", "id": 1},
}
TASKS = {}


class NotFound(Exception):
    pass


def find_user(username):
    try:
        return USERS[username]
    except KeyError:
        raise NotFound(f"no user {username}")


def save_task(task):
    if not task.get("title"):
        raise Exception("task needs a title")
    TASKS[task["id"]] = task
    log.debug("saved task %s", task["id"], task["title"])
    return task


def load_task(task_id):
    try:
        return TASKS[int(task_id)]
    except Exception:
        return None
