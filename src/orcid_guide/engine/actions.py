"""What a step does before its screenshot: an action takes the page; the few that need the run's Env (its apps'
addresses, its demo accounts) say so with ``needs_env``, and the runner hands it to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page

from orcid_guide.engine.elements import Element
from orcid_guide.engine.env import Env

PageAction = Callable[[Page], None]
T = TypeVar("T")


@dataclass(frozen=True)
class EnvAction:
    """An action that needs the run's Env; it can still be called as ``action(page, env)`` from another."""

    run: Callable[[Page, Env], None]

    def __call__(self, page: Page, env: Env) -> None:
        self.run(page, env)


Action = PageAction | EnvAction
# A step's or tutorial's ``act``/``prepare``: one action, or several run in turn.
Actions = Action | tuple[Action, ...]


def needs_env(action: Callable[[Page, Env], None]) -> EnvAction:
    return EnvAction(action)


def perform(actions: Actions, page: Page, env: Env) -> None:
    for action in actions if isinstance(actions, tuple) else (actions,):
        if isinstance(action, EnvAction):
            action(page, env)
        else:
            action(page)


def goto(app: str, path: str = "/") -> EnvAction:
    """Open ``path`` on the app the run's Env names ``app`` ("orcid", "lucris")."""
    return EnvAction(lambda page, env: _open(page, env.url(app, path)))


def _open(page: Page, url: str) -> None:
    page.goto(url)


class ElementFailed(Exception):
    """An element a step clicked, filled or photographed could not be used; the runner says which, and why."""

    def __init__(self, element: Element, cause: PlaywrightError, count: int) -> None:
        super().__init__(f"{element.describe()}: {cause}")
        self.element = element
        self.cause = cause
        self.count = count  # how many elements matched when it failed (more than one: it was ambiguous)


def use(element: Element, page: Page, what: Callable[[Locator], T]) -> T:
    """Do ``what`` with the element; a failure names the element rather than Playwright's locator."""
    found = element.locate(page)
    try:
        return what(found)
    except PlaywrightError as error:
        raise ElementFailed(element, error, _count(found)) from error


def _count(found: Locator) -> int:
    try:
        return found.count()
    except PlaywrightError:  # the page may be gone or navigating
        return 0


def click(element: Element) -> PageAction:
    return lambda page: _click(element, page)


def _click(element: Element, page: Page) -> None:
    use(element, page, Locator.click)
    # As after a step's own click: a page the click opened has its scripts before the next action uses them.
    page.wait_for_load_state()


def fill(element: Element, value: str) -> PageAction:
    return lambda page: use(element, page, lambda found: found.fill(value))


def fill_value(element: Element, key: str) -> EnvAction:
    """Fill in one of the run's values ("orcid_email"), which differ between the sandbox and the real one."""
    return EnvAction(lambda page, env: use(element, page, lambda found: found.fill(env.values[key])))


def check(element: Element) -> PageAction:
    return lambda page: use(element, page, Locator.check)


def select(element: Element, label: str) -> PageAction:
    """Choose the option shown as ``label`` in a drop-down list."""
    return lambda page: use(element, page, lambda found: _select(found, label))


def _select(found: Locator, label: str) -> None:
    found.select_option(label=label)
