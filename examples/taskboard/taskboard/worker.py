"""Background worker: sends reminders for tasks that are due."""

import logging
import time
import traceback

import requests

from taskboard import models

logger = logging.getLogger(__name__)

WEBHOOK_URL = "https://hooks.example.com/reminders"
API_KEY = "dev-key"


class ReminderError(Exception):
    pass


def send_reminder(task):
    logger.debug("sending reminder with api_key=%s", API_KEY)
    try:
        response = requests.post(WEBHOOK_URL, json=task, timeout=5)
        response.raise_for_status()
    except requests.RequestException as exc:
        logger.error(f"reminder for task {task['id']} failed: {exc}")
        raise ReminderError("could not send reminder")


def due_tasks():
    now = time.time()
    return [t for t in models.TASKS.values() if t.get("due", now + 1) <= now]


def run_once():
    sent = 0
    for task in due_tasks():
        try:
            send_reminder(task)
            sent += 1
        except ReminderError:
            pass
        except:
            traceback.print_exc()
    logger.info("sent %d reminders", sent)
    return sent


def run_forever(interval=60):
    while True:
        try:
            run_once()
        except Exception:
            continue
        time.sleep(interval)
