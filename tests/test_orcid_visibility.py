"""The owner's visibility controls: each work's selector, Select all + Actions > "Set visibility for selected
works", and Account settings > Defaults > Visibility, which all save at once."""

from __future__ import annotations

import re
import sqlite3

import pytest
from flask import Flask
from flask.testing import FlaskClient

from orcid_guide.sandbox.orcid.demo_data import DAAN, EVA
from orcid_guide.sandbox.orcid.request_context import SETTINGS_KEY
from tests.helpers.orcid_forms import csrf_from, post_form, sign_in


@pytest.fixture
def eva(app: Flask) -> FlaskClient:
    client = app.test_client()
    sign_in(client, EVA.email, EVA.password)
    return client


def visibilities(app: Flask, orcid: str) -> dict[str, str]:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    try:
        return dict(db.execute("SELECT title, visibility FROM works WHERE orcid = ?", (orcid,)).fetchall())
    finally:
        db.close()


def put_code(app: Flask, title: str) -> int:
    db = sqlite3.connect(app.config[SETTINGS_KEY].database)
    try:
        return int(db.execute("SELECT put_code FROM works WHERE title = ?", (title,)).fetchone()[0])
    finally:
        db.close()


PEAT = "Seasonal dynamics of soil microbial communities in Dutch peat meadows"
CHAPTER = "Material flow analysis"


def test_each_work_has_a_menu_button_named_after_it_with_three_options(eva: FlaskClient) -> None:
    page = eva.get("/my-orcid").text
    assert f'aria-label="{PEAT} visibility is currently set to Everyone"' in page
    assert "<h1>Set visibility for</h1>" in page and "<i>This item only</i>" in page
    for aria_label, label in (
        ("set item visibility to Everyone (Currently selected)", "Everyone"),
        ("set item visibility to Trusted Parties ", "Trusted Parties"),
        ("set item visibility to Only Me", "Only me"),
    ):
        assert (
            f'aria-label="{aria_label}"><span class="visibility-icon" aria-hidden="true"></span><span>{label}</span>'
            in page
        )
    assert ">More information on ORCID visibility settings</a>" in page
    assert "Select all" in page and ">Actions</button>" in page
    assert "disabled>Set visibility for selected works (<span data-selected-count>0</span>)</button>" in page


def test_choosing_an_option_saves_it_and_the_public_record_follows(app: Flask, eva: FlaskClient) -> None:
    code = put_code(app, PEAT)
    answer = post_form(eva, f"/my-orcid/works/{code}/visibility", {"visibility": "private"}, token_from="/my-orcid")
    assert answer.status_code == 303
    assert answer.headers["Location"].endswith(f"/my-orcid#work-{code}")
    assert visibilities(app, EVA.orcid)[PEAT] == "private"
    assert PEAT not in app.test_client().get(f"/{EVA.orcid}").text
    post_form(eva, f"/my-orcid/works/{code}/visibility", {"visibility": "public"}, token_from="/my-orcid")
    assert PEAT in app.test_client().get(f"/{EVA.orcid}").text


def test_nobody_else_can_change_a_work(app: Flask, eva: FlaskClient) -> None:
    code = put_code(app, "Legal pluralism in early modern Dutch trading posts")  # Daan's
    answer = post_form(eva, f"/my-orcid/works/{code}/visibility", {"visibility": "private"}, token_from="/my-orcid")
    assert answer.status_code == 404
    anonymous = app.test_client().post(f"/my-orcid/works/{code}/visibility", data={"visibility": "private"})
    assert anonymous.status_code in (302, 303, 400)
    no_token = eva.post(f"/my-orcid/works/{put_code(app, PEAT)}/visibility", data={"visibility": "private"})
    assert no_token.status_code == 400
    bad_choice = post_form(
        eva, f"/my-orcid/works/{put_code(app, PEAT)}/visibility", {"visibility": "world"}, token_from="/my-orcid"
    )
    assert bad_choice.status_code == 400
    assert set(visibilities(app, DAAN.orcid).values()) == {"public"}
    assert visibilities(app, EVA.orcid)[PEAT] == "public"


def test_set_visibility_for_selected_works_opens_the_dialog_then_saves_all(app: Flask, eva: FlaskClient) -> None:
    codes = [put_code(app, PEAT), put_code(app, CHAPTER)]
    dialog = eva.get("/my-orcid/works/set-visibility", query_string={"put_code": codes}).text
    assert 'role="dialog"' in dialog and "Set visibility selected works" in dialog
    assert "Selected works to set visibility" in dialog
    listed = re.search(r'<ul class="selected-works".*?</ul>', dialog, re.S)
    assert listed is not None and PEAT in listed.group(0) and CHAPTER in listed.group(0)
    assert "Citizen science" not in listed.group(0)
    assert ">Save changes</button>" in dialog and ">Cancel</a>" in dialog
    answer = eva.post(
        "/my-orcid/works/set-visibility",
        data={"csrf_token": csrf_from(dialog), "put_code": [str(c) for c in codes], "visibility": "limited"},
    )
    assert answer.status_code == 303
    now = visibilities(app, EVA.orcid)
    assert (now[PEAT], now[CHAPTER]) == ("limited", "limited")
    assert now["Citizen science monitoring of urban pollinators in Leiden"] == "public"


def test_select_all_takes_every_work_and_nothing_selected_says_so(app: Flask, eva: FlaskClient) -> None:
    everything = eva.get("/my-orcid/works/set-visibility", query_string={"all": "1"}).text
    for title in visibilities(app, EVA.orcid):
        assert title in everything
    empty = eva.get("/my-orcid/works/set-visibility").text
    assert "Select one or more works first" in empty and 'role="dialog"' not in empty


def test_the_dialog_without_a_choice_or_with_a_foreign_work_changes_nothing(app: Flask, eva: FlaskClient) -> None:
    before = visibilities(app, EVA.orcid)
    token = csrf_from(eva.get("/my-orcid").text)
    unchosen = eva.post(
        "/my-orcid/works/set-visibility", data={"csrf_token": token, "put_code": str(put_code(app, PEAT))}
    )
    assert unchosen.status_code == 200 and "Choose who can see the selected works." in unchosen.text
    foreign = put_code(app, "Contracts and courts in the Dutch Republic")
    mixed = eva.post(
        "/my-orcid/works/set-visibility",
        data={"csrf_token": token, "put_code": [str(put_code(app, PEAT)), str(foreign)], "visibility": "private"},
    )
    assert mixed.status_code == 404
    assert visibilities(app, EVA.orcid) == before  # all or nothing
    assert set(visibilities(app, DAAN.orcid).values()) == {"public"}


def test_the_default_saves_on_choosing_without_a_visible_button(app: Flask, eva: FlaskClient) -> None:
    page = eva.get("/account").text
    assert "data-autosave" in page
    # "Save changes" is there only for browsers without JavaScript.
    assert re.search(r"<noscript>.*Save changes.*</noscript>", page, re.S)
    assert page.count("Save changes") == 1
    post_form(eva, "/account", {"default_visibility": "private"})
    assert 'value="private" checked' in eva.get("/account").text
