"""The register wizard: ORCID's five steps, its messages, iD issuing, and one walk through it in Chromium."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Page, expect

from orcid_guide.orcid_id import ISSUED_BLOCKS, base_number, is_valid
from orcid_guide.sandbox.launcher import RunningSandbox
from orcid_guide.sandbox.orcid import registration as rules
from orcid_guide.sandbox.orcid.ids import FIRST_FIXED_ID
from tests.helpers.orcid_forms import STEP_ANSWERS, make_app, post_form, register, submit_step


def _db(app: Flask) -> sqlite3.Connection:
    db = sqlite3.connect(app.config["ORCID_SETTINGS"].database)
    db.row_factory = sqlite3.Row
    return db


def _new_orcid(app: Flask, email: str = "ada@example.org") -> str:
    row = _db(app).execute("SELECT orcid FROM emails WHERE address = ?", (email,)).fetchone()
    assert row is not None, f"no account with {email}"
    return str(row["orcid"])


def _reach_step(client: FlaskClient, step: int) -> None:
    for earlier in range(1, step):
        assert submit_step(client, earlier, STEP_ANSWERS[earlier]).status_code == 303


def test_every_step_shows_the_heading_and_its_title(client: FlaskClient) -> None:
    for step, title in rules.STEP_TITLES.items():
        page = client.get("/register").text
        assert "Create your ORCID iD" in page
        assert title in page
        if step < 5:
            assert ">Next Step</button>" in page
            submit_step(client, step, STEP_ANSWERS[step])
    assert ">Complete registration</button>" in page
    assert ">Previous Step</button>" in page


def test_registration_issues_a_valid_id_in_the_0009_block_and_signs_in(app: Flask, client: FlaskClient) -> None:
    response = register(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/my-orcid"
    orcid = _new_orcid(app)
    low, high = ISSUED_BLOCKS[1]
    assert is_valid(orcid)
    assert low <= base_number(orcid) < high
    record = client.get("/my-orcid")
    assert record.status_code == 200
    assert f"https://sandbox.orcid.org/{orcid}" in record.text
    assert "Ada Lovelace" in record.text


def test_the_password_is_stored_hashed_and_the_employment_kept(app: Flask, client: FlaskClient) -> None:
    register(client)
    db = _db(app)
    user = db.execute("SELECT * FROM users WHERE orcid = ?", (_new_orcid(app),)).fetchone()
    assert "Analytical1" not in user["password_hash"]
    assert user["password_hash"].startswith("scrypt:")
    assert user["default_visibility"] == "public"
    job = db.execute("SELECT organization, visibility FROM employments WHERE orcid = ?", (user["orcid"],)).fetchone()
    assert tuple(job) == ("Leiden University", "public")


def test_a_fresh_database_always_issues_the_same_first_id(tmp_path: Path) -> None:
    issued = []
    for run in ("one", "two"):
        app = make_app(tmp_path / run)
        register(app.test_client())
        issued.append(_new_orcid(app))
    assert issued == [FIRST_FIXED_ID, FIRST_FIXED_ID]
    second_app = make_app(tmp_path / "three")
    register(second_app.test_client())
    register(second_app.test_client(), primary_email="grace@example.org", confirm_email="grace@example.org")
    second = _new_orcid(second_app, "grace@example.org")
    assert second != FIRST_FIXED_ID
    assert is_valid(second)


def test_without_fixed_ids_the_ids_are_random_but_valid_and_in_the_block(tmp_path: Path) -> None:
    app = make_app(tmp_path, fixed_ids=False)
    emails = [f"person{n}@example.org" for n in range(3)]
    for email in emails:
        assert register(app.test_client(), primary_email=email, confirm_email=email).status_code == 303
    ids = [_new_orcid(app, email) for email in emails]
    low, high = ISSUED_BLOCKS[1]
    assert len(set(ids)) == 3
    assert all(is_valid(orcid) and low <= base_number(orcid) < high for orcid in ids)


@pytest.mark.parametrize(
    ("changes", "field_value", "message"),
    [
        ({"given_names": ""}, None, rules.GIVEN_NAMES_MISSING),
        ({"primary_email": "ada-at-example.org"}, "ada-at-example.org", rules.EMAIL_INVALID),
        ({"primary_email": ""}, None, rules.EMAIL_MISSING),
        ({"confirm_email": "ada@example.com"}, "ada@example.com", rules.EMAILS_DIFFER),
        ({"confirm_email": ""}, None, rules.EMAIL_CONFIRM_MISSING),
        ({"additional_email": "ada@EXAMPLE.org"}, "ada@EXAMPLE.org", rules.ADDITIONAL_SAME_AS_PRIMARY),
        ({"additional_email": "not an email"}, "not an email", rules.EMAIL_INVALID),
        ({"given_names": "A" * 120}, "A" * 120, rules.NAME_TOO_LONG),
    ],
)
def test_step_one_messages_keep_the_values(
    client: FlaskClient, changes: dict[str, str], field_value: str | None, message: str
) -> None:
    response = submit_step(client, 1, {**STEP_ANSWERS[1], **changes})
    assert response.status_code == 200
    assert message in response.text
    assert "Step 1 of 5 - Names and emails" in response.text
    assert 'value="Lovelace"' in response.text
    if field_value is not None:
        assert f'value="{field_value}"' in response.text


@pytest.mark.parametrize("email", ["j.carberry@orcid.example", "J.Carberry@ORCID.example"])
def test_an_email_already_in_use_is_refused(client: FlaskClient, email: str) -> None:
    response = submit_step(client, 1, {**STEP_ANSWERS[1], "primary_email": email, "confirm_email": email})
    assert html.unescape(response.text).count(rules.EMAIL_TAKEN) == 1
    assert "Step 1 of 5" in response.text


def test_registered_emails_are_lower_cased_and_unique(app: Flask, client: FlaskClient) -> None:
    register(client, primary_email="Ada@Example.ORG", confirm_email="ada@example.org")
    assert _new_orcid(app, "ada@example.org")
    other = app.test_client()
    response = submit_step(
        other, 1, {**STEP_ANSWERS[1], "primary_email": "ADA@example.org", "confirm_email": "ADA@example.org"}
    )
    assert rules.EMAIL_TAKEN in html.unescape(response.text)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", rules.PASSWORD_MISSING),
        ("abc1", rules.PASSWORD_LENGTH),
        ("a1" * 129, rules.PASSWORD_LENGTH),
        ("12345678", rules.PASSWORD_LETTER),
        ("abcdefgh", rules.PASSWORD_PATTERN),
        ("ada@example.org1", None),
    ],
)
def test_password_rules(client: FlaskClient, password: str, message: str | None) -> None:
    _reach_step(client, 2)
    response = submit_step(client, 2, {"password": password, "confirm_password": password})
    if message is None:
        assert response.status_code == 303
        return
    assert response.status_code == 200
    assert message in response.text
    for item in rules.PASSWORD_CHECKLIST:
        assert item in response.text


def test_the_password_may_not_be_the_email(client: FlaskClient) -> None:
    email = "ada1@example.org"
    submit_step(client, 1, {**STEP_ANSWERS[1], "primary_email": email, "confirm_email": email})
    response = submit_step(client, 2, {"password": email, "confirm_password": email})
    assert response.status_code == 200
    assert rules.PASSWORD_IS_EMAIL in response.text


def test_passwords_must_match(client: FlaskClient) -> None:
    _reach_step(client, 2)
    response = submit_step(client, 2, {"password": "Analytical1", "confirm_password": "Analytical2"})
    assert rules.PASSWORDS_DIFFER in response.text


def test_the_checklist_marks_what_a_password_meets(client: FlaskClient) -> None:
    _reach_step(client, 2)
    response = submit_step(client, 2, {"password": "12345678", "confirm_password": "12345678"})
    assert '<li class="met">8 or more characters</li>' in response.text
    assert '<li class="unmet">At least 1 letter or symbol</li>' in response.text
    assert '<li class="met">At least 1 number</li>' in response.text


def test_employment_needs_an_organization_and_can_be_skipped(client: FlaskClient) -> None:
    _reach_step(client, 3)
    response = submit_step(client, 3, {"organization": "", "role_title": "Lecturer"})
    assert rules.ORGANIZATION_MISSING in response.text
    assert 'value="Lecturer"' in response.text
    assert "Skip this step and continue registration" in response.text
    response = submit_step(client, 3, {"organization": "", "role_title": "Lecturer"}, action="skip")
    assert response.status_code == 303
    assert "Step 4 of 5 - Visibility" in client.get("/register").text


def test_a_month_without_a_year_is_an_invalid_date(client: FlaskClient) -> None:
    _reach_step(client, 3)
    response = submit_step(client, 3, {"organization": "Leiden University", "start_month": "09"})
    assert rules.DATE_INVALID in response.text


def test_visibility_must_be_chosen(client: FlaskClient) -> None:
    _reach_step(client, 4)
    page = client.get("/register").text
    assert "By default, what visibility should be given to new items added to your ORCID Record?" in page
    for label, share in (
        ("Everyone", "(87% of users choose this)"),
        ("Trusted parties", "(5% of users choose this)"),
        ("Only me", "(8% of users choose this)"),
    ):
        assert f"<strong>{label}</strong> {share}" in page
    response = submit_step(client, 4, {})
    assert rules.VISIBILITY_MISSING in response.text


@pytest.mark.parametrize("ticked", [{}, {"consent_terms": "on"}, {"consent_processing": "on"}, {"tips_email": "on"}])
def test_both_consents_are_required(app: Flask, client: FlaskClient, ticked: dict[str, str]) -> None:
    _reach_step(client, 5)
    response = submit_step(client, 5, ticked)
    assert response.status_code == 200
    assert rules.CONSENT_MISSING in response.text
    for name in ticked:
        assert f'name="{name}" checked' in response.text
    assert _db(app).execute("SELECT count(*) FROM emails WHERE address = 'ada@example.org'").fetchone()[0] == 0


def test_going_back_keeps_every_value(client: FlaskClient) -> None:
    _reach_step(client, 3)
    # Previous Step keeps what was typed on the current step too, unvalidated.
    back = submit_step(client, 3, {"organization": "Leiden Univ", "department": "Biology"}, action="previous")
    assert back.status_code == 303
    step_two = client.get("/register").text
    assert "Step 2 of 5 - Password" in step_two
    assert 'value="Analytical1"' in step_two
    submit_step(client, 2, STEP_ANSWERS[2], action="previous")
    step_one = client.get("/register").text
    for value in ("Ada", "Lovelace", "ada@example.org"):
        assert f'value="{value}"' in step_one
    submit_step(client, 1, STEP_ANSWERS[1])
    submit_step(client, 2, STEP_ANSWERS[2])
    step_three = client.get("/register").text
    assert 'value="Leiden Univ"' in step_three
    assert 'value="Biology"' in step_three


def test_a_later_step_cannot_be_posted_before_its_turn(client: FlaskClient) -> None:
    response = submit_step(client, 5, STEP_ANSWERS[5])
    # Treated as the current step (1) with no answers, so nothing is skipped.
    assert rules.GIVEN_NAMES_MISSING in response.text


def test_cancel_registration_forgets_the_answers(client: FlaskClient) -> None:
    _reach_step(client, 2)
    response = submit_step(client, 2, {}, action="cancel")
    assert response.headers["Location"] == "/signin"
    page = client.get("/register").text
    assert "Step 1 of 5" in page
    assert 'value="Ada"' not in page


def test_completion_checks_the_email_again(app: Flask, client: FlaskClient) -> None:
    _reach_step(client, 5)
    register(app.test_client())
    response = submit_step(client, 5, STEP_ANSWERS[5])
    assert response.status_code == 200
    assert "Step 1 of 5" in response.text
    assert rules.EMAIL_TAKEN in html.unescape(response.text)


def test_names_are_escaped(client: FlaskClient) -> None:
    register(client, given_names="<script>alert(1)</script>")
    page = client.get("/my-orcid").text
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_post_without_the_csrf_token_is_refused(client: FlaskClient) -> None:
    client.get("/register")
    response = client.post("/register", data={"step": "1", **STEP_ANSWERS[1]})
    assert response.status_code == 400
    assert "did not come from this site" in response.text
    forged = client.post("/register", data={"csrf_token": "forged", "step": "1", **STEP_ANSWERS[1]})
    assert forged.status_code == 400
    assert post_form(client, "/register", {"step": "1", **STEP_ANSWERS[1]}).status_code == 303


def test_the_wizard_in_a_browser(sandbox: RunningSandbox, page: Page) -> None:
    page.goto(sandbox.orcid_url + "/register")
    expect(page.get_by_role("heading", name="Create your ORCID iD")).to_be_visible()
    expect(page.get_by_text("Step 1 of 5 - Names and emails")).to_be_visible()
    page.get_by_label("Given names").fill("Marie")
    page.get_by_label("Family names (Optional)").fill("Curie")
    page.get_by_label("Primary email", exact=True).fill("marie.curie@example.org")
    page.get_by_label("Confirm your email address").fill("marie.curie@example.org")
    page.get_by_role("button", name="Next Step").click()

    expect(page.get_by_text("Step 2 of 5 - Password")).to_be_visible()
    page.get_by_label("Password", exact=True).fill("Radium-1898")
    page.get_by_placeholder("Confirm your password").fill("Radium-1898")
    page.get_by_role("button", name="Next Step").click()

    expect(page.get_by_text("Step 3 of 5 - Current employment")).to_be_visible()
    page.get_by_role("button", name="Skip this step and continue registration").click()

    expect(page.get_by_text("Step 4 of 5 - Visibility")).to_be_visible()
    page.get_by_label("Everyone").check()
    page.get_by_role("button", name="Next Step").click()

    expect(page.get_by_text("Step 5 of 5 - Terms and conditions")).to_be_visible()
    page.get_by_label("I consent to the privacy policy").check()
    page.get_by_label("I consent to my data being processed in the United States.").check()
    page.get_by_role("button", name="Complete registration").click()

    expect(page).to_have_url(sandbox.orcid_url + "/my-orcid")
    expect(page.get_by_text(sandbox.orcid.id_uri_base + FIRST_FIXED_ID)).to_be_visible()
    page.get_by_role("button", name="Marie Curie").click()
    page.get_by_role("menuitem", name="Logout").click()
    expect(page.get_by_role("heading", name="Sign in to ORCID")).to_be_visible()
