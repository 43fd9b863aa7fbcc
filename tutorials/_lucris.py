"""Actions the LUCRIS tutorials share (the leading underscore keeps this module from being a tutorial)."""

from __future__ import annotations

from playwright.sync_api import Page

from orcid_guide.engine.steps import Env


def fill_login(
    page: Page, env: Env, username_key: str = "lucris_username", password_key: str = "lucris_password"
) -> None:
    page.goto(env.url("lucris", "/login"))
    page.get_by_label("Username").fill(env.values[username_key])
    page.get_by_label("Password").fill(env.values[password_key])


def log_in(page: Page, env: Env, username_key: str = "lucris_username", password_key: str = "lucris_password") -> None:
    fill_login(page, env, username_key, password_key)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/dashboard")


def open_research_profile(page: Page, env: Env) -> None:
    log_in(page, env)
    page.get_by_role("link", name="Set Personal Preferences").click()
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Research Profile").click()
