from taskboard.web import app


def test_login_rejects_unknown_user():
    client = app.test_client()

    response = client.post("/login", json={"username": "bob", "password": "x"})

    assert response.status_code == 401
