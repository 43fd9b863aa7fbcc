"""Elements a step points at: named by the step's label unless named, exact, and described from their own fields."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from orcid_guide.engine.actions import ElementFailed
from orcid_guide.engine.elements import button, css, dialog, field, link, menu_item, role, row, text
from orcid_guide.engine.failure_text import describe_element_failure
from orcid_guide.engine.steps import Step, Tutorial


def step(en: str, **settings: object) -> Step:
    return Step("s", en=en, nl=en, **settings)  # type: ignore[arg-type]


def test_an_unnamed_target_takes_the_label_the_step_ends_on() -> None:
    signing_in = step(
        "Type your **Email or ORCID iD** and **Password**, and click **Sign in to ORCID**.", target=button()
    )
    assert signing_in.element == button("Sign in to ORCID")
    assert step("Choose **Logout**.", target=menu_item()).element == menu_item("Logout")


def test_a_named_target_or_one_picked_by_its_words_keeps_its_own() -> None:
    assert step("Click **Next**.", target=link("Back")).element == link("Back")
    assert step("Click **Show**.", target=row("0000-0001")).element == row("0000-0001")
    assert step("Look at **Entry in progress**.", target=role("status")).element == role("status")
    # Inside another element, the step's label names the inner one only.
    inner = step("Click **Save**.", target=button(within=dialog("Names"))).element
    assert inner == button("Save", within=dialog("Names"))


def test_a_step_quoting_no_label_must_name_its_target() -> None:
    with pytest.raises(ValueError, match="quotes no label to name its target by"):
        Tutorial(steps=(step("Go back to your record.", target=link()),))


def test_elements_describe_themselves_as_a_reader_looks_for_them() -> None:
    assert button("Save", within=dialog("Manage your names")).describe() == (
        'the button "Save" in the dialog "Manage your names"'
    )
    assert menu_item("Logout").describe() == 'the menu item "Logout"'
    assert field("Password").describe() == 'the field labelled "Password"'
    assert text("Connected").describe() == 'the text "Connected"'
    assert button("+", within=row("0000-0001")).describe() == 'the button "+" in a table row containing "0000-0001"'
    assert css(".work", has_text="Soil").describe() == 'the element matching .work containing "Soil"'


def test_a_timeout_names_the_element_from_its_fields_and_its_words_elsewhere() -> None:
    # The cause's text names another locator: the sentence comes from the element, not from it.
    cause = PlaywrightTimeout('Locator.click: Timeout 1234ms exceeded.\n  - waiting for locator("#x")\n')
    failure = ElementFailed(button("Sign in", within=dialog("Sign in")), cause, 0)
    assert describe_element_failure(failure, 5_000, screen="nothing here") == (
        'the button "Sign in" in the dialog "Sign in" never appeared (waited 5 s).'
    )
    assert describe_element_failure(failure, 5_000, screen="Sign in to ORCID Sign in now") == (
        'the button "Sign in" in the dialog "Sign in" never appeared (waited 5 s). '
        'The words "Sign in" are on the screen, but not as the button the step looks for.'
    )


def test_an_element_found_several_times_is_ambiguous() -> None:
    cause = PlaywrightError("Locator.click: Error: strict mode violation: something resolved to 2 elements")
    assert describe_element_failure(ElementFailed(link("Works"), cause, 3), 5_000) == (
        'the link "Works" is on the screen 3 times, so the step cannot tell which one is meant.'
    )
