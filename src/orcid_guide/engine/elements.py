"""What a step points at, said the way the guide says it: ``button()``, ``link("Return to ORCID")``,
``menu_item(within=dialog("Manage your names dialog"))``.

An element left unnamed is named by the step it is the target of: the runner gives it the label the step's
sentence ends on ("…, and click **Sign in to ORCID**."). Names match exactly, as the bold labels quote them. An
element describes itself in a failure ('the button "Sign in to ORCID" in the dialog "Names"') from its own
fields, so the runner need not read Playwright's locator text back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from playwright.sync_api import Locator, Page

# How the guide names the kinds of element a step looks for, where the ARIA role's own name would puzzle a reader.
ROLE_WORDS = {
    "textbox": "text field",
    "combobox": "drop-down list",
    "menuitem": "menu item",
    "row": "table row",
    "columnheader": "column header",
    "listitem": "list item",
    "gridcell": "cell",
}
FIELD = "field"  # a form control found by its label, whatever its role (text box, check box, drop-down list)
TEXT = "text"  # words on the page, whatever element holds them
PLACEHOLDER = "placeholder"  # a text box by the hint it shows while empty, for one without a label
CSS = "css"  # an element the page marks up by id or class only: its name is the CSS selector


@dataclass(frozen=True)
class Element:
    """An element by its ARIA role (or ``FIELD``, ``TEXT``) and name, optionally inside another element."""

    role: str
    # None: the step's label when this is a step's target, no name inside another; "": found by its role alone.
    name: str | None = None
    within: Element | None = None
    # Narrows an element found by role alone (a table row, a list item) to the one containing these words.
    has_text: str = ""
    # Where a page repeats a control (the same button in two panels), the first is the one the step means.
    first: bool = False
    # False for a name that is only the start of what the page says (a title with its subtitle).
    exact: bool = True

    @property
    def takes_label(self) -> bool:
        """Whether the step names it: it has no name of its own and is not picked out by its words."""
        return self.name is None and not self.has_text

    def named(self, label: str) -> Element:
        return replace(self, name=label) if self.takes_label else self

    def locate(self, page: Page) -> Locator:
        scope: Page | Locator = self.within.locate(page) if self.within is not None else page
        if self.role == FIELD:
            found = scope.get_by_label(self._name(), exact=self.exact)
        elif self.role == TEXT:
            found = scope.get_by_text(self._name(), exact=self.exact)
        elif self.role == PLACEHOLDER:
            found = scope.get_by_placeholder(self._name(), exact=self.exact)
        elif self.role == CSS:
            found = scope.locator(self._name())
        elif not self.name:
            found = scope.get_by_role(self.role)  # type: ignore[arg-type]  # roles are checked by Playwright
        else:
            found = scope.get_by_role(self.role, name=self.name, exact=self.exact)  # type: ignore[arg-type]
        if self.has_text:
            found = found.filter(has_text=self.has_text)
        return found.first if self.first else found

    def _name(self) -> str:
        if self.name is None:
            raise ValueError(f"{self.describe()} needs a name: it is found by its words")
        return self.name

    def describe(self) -> str:
        """'the button "Save" in the dialog "Names"', as a failure report names it."""
        if self.role == FIELD:
            own = f'the field labelled "{self.name}"'
        elif self.role == TEXT:
            own = f'the text "{self.name}"'
        elif self.role == PLACEHOLDER:
            own = f'the field showing "{self.name}"'
        elif self.role == CSS:
            own = f"the element matching {self.name}"
        else:
            kind = ROLE_WORDS.get(self.role, self.role)
            own = f'the {kind} "{self.name}"' if self.name else f"a {kind}"
        if self.has_text:
            own += f' containing "{self.has_text}"'
        return own + (f" in {self.within.describe()}" if self.within is not None else "")

    @property
    def kind(self) -> str:
        """What the reader would call it ('button', 'field'), for a failure that finds its words elsewhere."""
        return {FIELD: "field", TEXT: "text", PLACEHOLDER: "field"}.get(self.role) or ROLE_WORDS.get(
            self.role, self.role
        )


def role(role: str, name: str = "", *, within: Element | None = None, has_text: str = "") -> Element:
    return Element(role, name, within, has_text)


def button(
    name: str | None = None, *, within: Element | None = None, first: bool = False, exact: bool = True
) -> Element:
    return Element("button", name, within, first=first, exact=exact)


def link(name: str | None = None, *, within: Element | None = None) -> Element:
    return Element("link", name, within)


def menu_item(name: str | None = None, *, within: Element | None = None) -> Element:
    return Element("menuitem", name, within)


def option(name: str | None = None, *, within: Element | None = None) -> Element:
    return Element("option", name, within)


def radio(name: str | None = None, *, within: Element | None = None) -> Element:
    return Element("radio", name, within)


def heading(
    name: str | None = None, *, within: Element | None = None, first: bool = False, exact: bool = True
) -> Element:
    return Element("heading", name, within, first=first, exact=exact)


def field(name: str | None = None, *, within: Element | None = None, exact: bool = True) -> Element:
    """A form field by its label: a text box, a check box, a drop-down list."""
    return Element(FIELD, name, within, exact=exact)


def text(name: str | None = None, *, within: Element | None = None, first: bool = False, exact: bool = True) -> Element:
    return Element(TEXT, name, within, first=first, exact=exact)


def placeholder(name: str, *, within: Element | None = None) -> Element:
    """A text box by the hint it shows while empty ("Type a last name")."""
    return Element(PLACEHOLDER, name, within)


def css(selector: str, *, has_text: str = "") -> Element:
    """An element the page gives no role or name, by its CSS selector; the failure text can only quote it."""
    return Element(CSS, selector, has_text=has_text)


def dialog(name: str) -> Element:
    return Element("dialog", name)


def region(name: str) -> Element:
    return Element("region", name)


def navigation(name: str) -> Element:
    return Element("navigation", name)


def group(name: str) -> Element:
    return Element("group", name)


def row(has_text: str) -> Element:
    """The table row containing these words (rows are named by all their cells, too long to quote)."""
    return Element("row", "", has_text=has_text)


def list_item(has_text: str) -> Element:
    return Element("listitem", "", has_text=has_text)
