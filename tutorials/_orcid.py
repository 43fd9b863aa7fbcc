"""Actions the ORCID tutorials share (the leading underscore keeps this module from being a tutorial)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from orcid_guide.engine.steps import Env


def sign_in_to_orcid(page: Page, env: Env) -> None:
    """Sign in as the demo researcher, as a step before the ones the reader follows; ends on her record."""
    page.goto(env.url("orcid", "/signin"))
    page.get_by_label("Email or ORCID iD").fill(env.values["orcid_email"])
    page.get_by_label("Password").fill(env.values["orcid_password"])
    page.get_by_role("button", name="Sign in to ORCID").click()
    expect(page.get_by_role("heading", name="Works")).to_be_visible()
