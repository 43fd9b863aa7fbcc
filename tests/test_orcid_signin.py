"""Signing in (by email or iD), wrong credentials, safe next= targets, signing out, and the session cookie."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.demo_data import CARBERRY
from tests.helpers.orcid_forms import csrf_from, post_form, sign_in


def _signed_in_as(client: FlaskClient) -> str | None:
    response = client.get("/my-orcid")
    if response.status_code != 200:
        return None
    return "Josiah Carberry" if "Josiah Carberry" in response.text else "someone else"


def test_the_sign_in_page_has_orcids_labels(client: FlaskClient) -> None:
    page = client.get("/signin").text
    for text in (
        "<h1>Sign in to ORCID</h1>",
        '<label for="username">Email or ORCID iD</label>',
        'placeholder="Email or 16-digit ORCID iD"',
        '<label for="password">Password</label>',
        ">Sign in to ORCID</button>",
        'Don\'t have your ORCID iD yet? <a href="/register">Register now</a>',
        "For example: joe@institution.edu or 0000-1234-5678-9101",
        'placeholder="Your ORCID password"',
        "Forgot your password or ORCID ID?",
    ):
        assert text in page


@pytest.mark.parametrize(
    "login",
    [
        CARBERRY.email,
        CARBERRY.email.upper(),
        f"  {CARBERRY.email}  ",
        CARBERRY.orcid,
        CARBERRY.orcid.replace("-", ""),
        f"https://sandbox.orcid.org/{CARBERRY.orcid}",
        f"https://orcid.org/{CARBERRY.orcid}",
    ],
)
def test_sign_in_by_email_or_id(client: FlaskClient, login: str) -> None:
    response = sign_in(client, login, CARBERRY.password)
    assert response.status_code == 303
    assert response.headers["Location"] == "/my-orcid"
    assert _signed_in_as(client) == "Josiah Carberry"


@pytest.mark.parametrize(
    ("login", "password"),
    [
        (CARBERRY.email, "wrong-password-1"),
        (CARBERRY.orcid, CARBERRY.password.lower()),
        ("nobody@orcid.example", CARBERRY.password),
        ("0000-0002-1825-0098", CARBERRY.password),
    ],
)
def test_wrong_credentials_are_refused_with_orcids_message(client: FlaskClient, login: str, password: str) -> None:
    response = sign_in(client, login, password)
    assert response.status_code == 200
    assert "Invalid sign in details" in response.text
    assert f'value="{login}"' in response.text
    assert 'name="password" type="password" value=""' in response.text
    assert _signed_in_as(client) is None


def test_empty_fields_get_messages(client: FlaskClient) -> None:
    response = sign_in(client, "", "")
    assert "Please enter your email address or your ORCID iD" in response.text
    assert "Please enter a password" in response.text
    assert "Invalid sign in details" not in response.text


def test_my_orcid_needs_sign_in_and_comes_back_after_it(client: FlaskClient) -> None:
    response = client.get("/my-orcid")
    assert response.status_code == 302
    assert response.headers["Location"] == "/signin?next=/my-orcid"
    page = client.get(response.headers["Location"]).text
    assert 'name="next" value="/my-orcid"' in page
    for path in ("/account", "/trusted-parties", "/works/bibtex"):
        assert client.get(path).headers["Location"] == f"/signin?next={path}"


def test_next_sends_back_to_a_local_path_with_its_query(client: FlaskClient) -> None:
    target = "/oauth/authorize?client_id=APP-X&scope=/authenticate"
    page = client.get("/signin", query_string={"next": target}).text
    assert 'value="/oauth/authorize?client_id=APP-X&amp;scope=/authenticate"' in page
    response = sign_in(client, CARBERRY.email, CARBERRY.password, next_path=target)
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "my-orcid",
        "/my-orcid\r\nLocation: https://evil.example",
    ],
)
def test_next_never_leaves_the_site(client: FlaskClient, target: str) -> None:
    page = client.get("/signin", query_string={"next": target}).text
    assert 'name="next" value="/my-orcid"' in page
    response = sign_in(client, CARBERRY.email, CARBERRY.password, next_path=target)
    assert response.headers["Location"] == "/my-orcid"


def test_signing_in_when_signed_in_goes_to_next(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    assert client.get("/signin?next=/account").headers["Location"] == "/account"


def test_sign_out(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    record = client.get("/my-orcid").text
    # A plain GET only asks; it does not sign out.
    assert ">Sign out</button>" in client.get("/signout").text
    assert _signed_in_as(client) == "Josiah Carberry"
    response = client.post("/signout", data={"csrf_token": csrf_from(record)})
    assert response.status_code == 303
    assert response.headers["Location"] == "/signin"
    assert _signed_in_as(client) is None


def test_sign_out_needs_the_csrf_token(client: FlaskClient) -> None:
    sign_in(client, CARBERRY.email, CARBERRY.password)
    assert client.post("/signout").status_code == 400
    assert _signed_in_as(client) == "Josiah Carberry"


def test_sign_in_needs_the_csrf_token(client: FlaskClient) -> None:
    response = client.post("/signin", data={"username": CARBERRY.email, "password": CARBERRY.password})
    assert response.status_code == 400
    assert _signed_in_as(client) is None


def test_signing_in_gives_a_fresh_csrf_token(client: FlaskClient) -> None:
    before = csrf_from(client.get("/signin").text)
    sign_in(client, CARBERRY.email, CARBERRY.password)
    after = csrf_from(client.get("/my-orcid").text)
    assert before != after


def test_the_session_cookie_is_orcids_own_and_lax(client: FlaskClient) -> None:
    response = post_form(client, "/signin", {"username": CARBERRY.email, "password": CARBERRY.password})
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("orcid_session=")
    assert "SameSite=Lax" in cookie
    assert "HttpOnly" in cookie
