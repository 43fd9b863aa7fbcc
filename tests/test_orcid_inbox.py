"""The emulator's Notifications inbox: permission requests sent through the API, change notices, who sees them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.demo_clients import CROSSREF_ID
from orcid_guide.sandbox.orcid.demo_data import DAAN, EVA
from tests.helpers.orcid_forms import grant_token, post_form, sign_in

SECRET = "crossref-demo-secret"
AUTHORIZE = f"/oauth/authorize?client_id={CROSSREF_ID}&response_type=code&scope=/activities/update"
CALLBACK = "http://127.0.0.1:5000/demo-client/callback"
JSON = {"Content-Type": "application/vnd.orcid+json", "Accept": "application/vnd.orcid+json"}


def notification_token(app: Flask, secret: str = SECRET) -> str:
    answer = app.test_client().post(
        "/oauth/token",
        data={
            "client_id": CROSSREF_ID,
            "client_secret": secret,
            "grant_type": "client_credentials",
            "scope": "/premium-notification",
        },
    )
    assert answer.status_code == 200, answer.text
    return str(answer.get_json()["access_token"])


def request_body(url: str = AUTHORIZE, title: str = "Peat subsidence in Friesland") -> dict[str, Any]:
    return {
        "notification-type": "permission",
        "authorization-url": {"path": url},
        "notification-subject": "your new publications",
        "items": {
            "item": [
                {
                    "item-type": "work",
                    "item-name": title,
                    "external-id": {"external-id-type": "doi", "external-id-value": "10.5555/peat.2026.0001"},
                }
            ]
        },
    }


def send(app: Flask, token: str, body: dict[str, Any], orcid: str = EVA.orcid) -> Any:
    return app.test_client().post(
        f"/v3.0/{orcid}/notification-permission",
        data=json.dumps(body),
        headers={**JSON, "Authorization": f"Bearer {token}"},
    )


def browser_of(app: Flask, who: Any) -> FlaskClient:
    client = app.test_client()
    sign_in(client, who.email, who.password)
    return client


def test_a_permission_request_shows_in_the_owners_inbox_only(app: Flask) -> None:
    answer = send(app, notification_token(app), request_body())
    assert answer.status_code == 201
    assert answer.headers["Location"].startswith(f"http://127.0.0.1:5000/v3.0/{EVA.orcid}/notification-permission/")
    page = browser_of(app, EVA).get("/inbox").text
    assert "Crossref Metadata Search</strong> would like your permission to interact with your ORCID Record" in page
    assert "Peat subsidence in Friesland" in page and "doi: 10.5555/peat.2026.0001" in page
    assert f'href="{AUTHORIZE.replace("&", "&amp;")}"' in page
    assert "Peat subsidence" not in browser_of(app, DAAN).get("/inbox").text


def test_only_the_owner_can_archive_a_notification(app: Flask) -> None:
    send(app, notification_token(app), request_body())
    eva = browser_of(app, EVA)
    put_code = eva.get("/inbox").text.split('id="notification-')[1].split('"')[0]
    path = f"/inbox/{put_code}/archive"
    assert post_form(browser_of(app, DAAN), path, {}, token_from="/inbox").status_code == 404
    assert "Grant permission" in eva.get("/inbox").text
    assert post_form(eva, path, {}, token_from="/inbox").status_code == 303
    assert "You don't have any unarchived notifications right now." in eva.get("/inbox").text
    assert "Peat subsidence" in eva.get("/inbox?archived=1").text


def test_a_permission_request_needs_the_premium_notification_token(app: Flask) -> None:
    researchers_token = grant_token(app, EVA.email, EVA.password, CROSSREF_ID, SECRET, CALLBACK, "/activities/update")
    assert send(app, researchers_token["access_token"], request_body()).status_code == 403
    assert send(app, "not-a-token", request_body()).status_code == 401
    public = app.test_client().post(
        "/oauth/token",
        data={
            "client_id": "APP-PUBLICDEMO0000",
            "client_secret": "public-demo-secret",
            "grant_type": "client_credentials",
            "scope": "/premium-notification",
        },
    )
    assert public.status_code == 400 and public.get_json()["error"] == "invalid_scope"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/phish",
        "javascript:alert(1)",
        "/oauth/authorize?client_id=APP-DATACITE000000&response_type=code",
        "",
    ],
)
def test_a_permission_request_can_only_link_to_the_senders_own_authorization(app: Flask, url: str) -> None:
    answer = send(app, notification_token(app), request_body(url))
    assert answer.status_code == 400
    assert "You don’t have any notifications yet." in browser_of(app, EVA).get("/inbox").text


def test_an_api_added_work_leaves_a_notice_in_the_inbox(app: Flask) -> None:
    token = grant_token(app, EVA.email, EVA.password, CROSSREF_ID, SECRET, CALLBACK, "/activities/update")[
        "access_token"
    ]
    work = {
        "title": {"title": {"value": "Peat fires"}},
        "type": "journal-article",
        "external-ids": {
            "external-id": [
                {"external-id-type": "doi", "external-id-value": "10.5555/fire", "external-id-relationship": "self"}
            ]
        },
    }
    added = app.test_client().post(
        f"/v3.0/{EVA.orcid}/work", data=json.dumps(work), headers={**JSON, "Authorization": f"Bearer {token}"}
    )
    assert added.status_code == 201
    page = browser_of(app, EVA).get("/inbox").text
    assert "Crossref Metadata Search has made changes to your ORCID record" in page
    assert "Crossref Metadata Search has updated the Works section of your record:" in page
    assert "Peat fires" in page
