"""Actions the ORCID tutorials share (the leading underscore keeps this module from being a tutorial)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from orcid_guide.engine.actions import click, fill_value, needs_env
from orcid_guide.engine.elements import button, field, heading
from orcid_guide.engine.env import Env

# The sign-in form's fields, filled with the run's account (the real sandbox's differs from the emulator's).
fill_sign_in = (fill_value(field("Email or ORCID iD"), "orcid_email"), fill_value(field("Password"), "orcid_password"))


@needs_env
def sign_in_to_orcid(page: Page, env: Env) -> None:
    """Sign in as the demo researcher, as a step before the ones the reader follows; ends on her record."""
    page.goto(env.url("orcid", "/signin"))
    for action in fill_sign_in:
        action(page, env)
    click(button("Sign in to ORCID"))(page)
    expect(heading("Works", exact=False).locate(page)).to_be_visible()


@needs_env
def open_user_menu(page: Page, env: Env) -> None:
    """The menu under the researcher's name at the top right."""
    click(button(env.values["researcher"], exact=False))(page)
