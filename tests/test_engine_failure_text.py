"""Failure sentences: Playwright's locators and call logs become the words a reader looks for on screen."""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from orcid_guide.engine.failure_text import describe_error, describe_locator


def test_locators_read_as_what_a_reader_looks_for() -> None:
    assert describe_locator('get_by_role("button", name="Sign in to ORCID")') == 'the button "Sign in to ORCID"'
    assert describe_locator('get_by_label("Email or ORCID iD")') == 'the field labelled "Email or ORCID iD"'
    assert describe_locator('get_by_role("textbox", name="Family name")') == 'the text field "Family name"'
    assert (
        describe_locator('get_by_role("row", name="Eva \\"de\\" Vries").get_by_role("button", name="Show").first')
        == 'the button "Show" in the table row "Eva "de" Vries"'
    )
    assert describe_locator('get_by_role("listitem").filter(has_text="Microplastics")') == (
        'a list item containing "Microplastics"'
    )
    assert describe_locator('locator("#orcid-id")') == "the element matching #orcid-id"


def test_a_timeout_names_the_element_that_never_appeared() -> None:
    error = PlaywrightTimeout(
        'Locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for get_by_role("button", name="Next Step")\n'
    )
    assert describe_error(error, screen="names and emails") == 'the button "Next Step" never appeared (waited 5 s).'


def test_words_still_on_screen_in_another_role_are_pointed_out() -> None:
    error = PlaywrightTimeout(
        'Locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for get_by_role("button", name="Sign in")\n'
    )
    assert describe_error(error, screen="Sign in to ORCID Sign in now") == (
        'the button "Sign in" never appeared (waited 5 s). '
        'The words "Sign in" are on the screen, but not as the button the step looks for.'
    )


def test_a_strict_mode_violation_says_the_element_is_ambiguous() -> None:
    error = PlaywrightError(
        'Locator.click: Error: strict mode violation: get_by_role("link", name="Works") resolved to 2 elements:\n'
        '    1) <a href="#">Works</a> aka get_by_role("link", name="Works").first\n\nCall log:\n'
        '  - waiting for get_by_role("link", name="Works")\n'
    )
    assert describe_error(error) == (
        'the link "Works" is on the screen 2 times, so the step cannot tell which one is meant.'
    )


def test_a_failed_expectation_names_element_and_expectation() -> None:
    error = AssertionError(
        "Locator expected to be visible\nActual value: None\nError: element(s) not found \nCall log:\n"
        '  - Expect "to_be_visible" get_by_role("heading", name="Works") with timeout 5000ms\n'
        '  - waiting for get_by_role("heading", name="Works")\n\nAria snapshot:\n- heading "Record" [level=1]'
    )
    assert describe_error(error) == 'the heading "Works" was expected to be visible, but it was not found.'


def test_navigation_and_other_errors_stay_one_sentence() -> None:
    waiting = PlaywrightTimeout(
        "Page.wait_for_url: Timeout 5000ms exceeded.\n=========================== logs ====\n"
        'waiting for navigation to "**/dashboard" until "load"\n========'
    )
    assert describe_error(waiting) == 'the page never reached the address "**/dashboard" (waited 5 s).'
    assert describe_error(KeyError("orcid_id")) == "the step's action raised KeyError: 'orcid_id'."
    assert describe_error(AssertionError("no works listed")) == "a check in the step failed: no works listed."
