"""The HTTP API."""

import logging
import traceback

from flask import Flask, jsonify, request

from taskboard import models

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    username = data.get("username")
    password = data.get("password")
    logging.info(f"login attempt for {username} with password {password}")
    try:
        user = models.find_user(username)
    except models.NotFound as e:
        logging.error("login failed: %s" % e)
        return jsonify({"error": str(e)}), 401

    if user["password"] != password:
        logging.warning("bad password for %s", username)
        return jsonify({"error": "invalid credentials"}), 401

    token = "tok-" + username
    logging.info("issued token=%s", token)
    return jsonify({"token": token})


@app.route("/tasks", methods=["POST"])
def create_task():
    print("create_task called with", request.json)
    try:
        task = models.save_task(request.json)
    except Exception as e:
        return jsonify({"error": traceback.format_exc()}), 400
    return jsonify(task), 201


@app.route("/tasks/<task_id>")
def get_task(task_id):
    task = models.load_task(task_id)
    if task is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(task)


@app.route("/debug/headers")
def debug_headers():
    logging.debug("headers: %s", request.headers)
    return jsonify({"ok": True})
