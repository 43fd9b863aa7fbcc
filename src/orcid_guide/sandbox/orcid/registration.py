"""The register wizard's answers and ORCID's rules for each of its five steps (no web code here).

The emulator has no reCAPTCHA; the real sandbox has one on step 5, which is why registration there cannot be
automated and the tutorials skip that step on the sandbox target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields

from orcid_guide.sandbox.orcid.accounts import Employment, NewAccount
from orcid_guide.sandbox.whole_numbers import whole_number

STEPS = 5
STEP_TITLES = {
    1: "Step 1 of 5 - Names and emails",
    2: "Step 2 of 5 - Password",
    3: "Step 3 of 5 - Current employment",
    4: "Step 4 of 5 - Visibility",
    5: "Step 5 of 5 - Terms and conditions",
}

# ORCID's own messages (orcid-ui-strings.txt).
GIVEN_NAMES_MISSING = "Please enter your given names"
NAME_TOO_LONG = "Must be less than 100 characters"
EMAIL_MISSING = "Please enter your email"
EMAIL_INVALID = "Please enter a valid email address"
EMAIL_CONFIRM_MISSING = "Please confirm your email address"
EMAILS_DIFFER = "Email addresses do not match"
EMAIL_TAKEN = (
    "This email is already associated with an existing ORCID record. "
    "Please use a different email address to continue registering a new ORCID iD."
)
ADDITIONAL_EMAIL_TAKEN = (
    "This email is already associated with an existing ORCID record. Please use a different email address."
)
ADDITIONAL_SAME_AS_PRIMARY = "Additional email cannot match primary email"
PASSWORD_MISSING = "Please enter a password"
PASSWORD_LENGTH = "Password must be between 8 and 256 characters"
PASSWORD_LETTER = "Password must contain at least a letter or symbol"
PASSWORD_PATTERN = "Password must match all pattern requirements"
PASSWORD_IS_EMAIL = "Password must not be the same as your email address"
PASSWORDS_DIFFER = "Passwords do not match"
ORGANIZATION_MISSING = "Please enter an organization"
DATE_INVALID = "Invalid date"
VISIBILITY_MISSING = "Please select a default visibility for new items"
CONSENT_MISSING = (
    "To continue creating your ORCID iD you must accept the terms of use and consent to your data being "
    "processed in the United States."
)

PASSWORD_CHECKLIST = ("8 or more characters", "At least 1 letter or symbol", "At least 1 number")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


@dataclass
class Draft:
    """Everything typed so far; strings as typed, so going back shows them again unchanged."""

    step: int = 1
    given_names: str = ""
    family_names: str = ""
    primary_email: str = ""
    confirm_email: str = ""
    additional_email: str = ""
    password: str = ""
    confirm_password: str = ""
    organization: str = ""
    department: str = ""
    role_title: str = ""
    start_year: str = ""
    start_month: str = ""
    visibility: str = ""
    tips_email: bool = False
    consent_terms: bool = False
    consent_processing: bool = False

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Draft:
        draft = cls()
        for spec in fields(cls):
            value = data.get(spec.name)
            if isinstance(value, type(getattr(draft, spec.name))):
                setattr(draft, spec.name, value)
        draft.step = min(max(draft.step, 1), STEPS)
        return draft


STEP_TEXT_FIELDS: dict[int, tuple[str, ...]] = {
    1: ("given_names", "family_names", "primary_email", "confirm_email", "additional_email"),
    # Passwords are kept exactly as typed: spaces count.
    2: ("password", "confirm_password"),
    3: ("organization", "department", "role_title", "start_year", "start_month"),
    4: ("visibility",),
    5: (),
}
STEP_CHECKBOXES: dict[int, tuple[str, ...]] = {5: ("tips_email", "consent_terms", "consent_processing")}


def take_answers(draft: Draft, step: int, form: Mapping[str, str]) -> None:
    """Copy one step's fields from a submitted form into the draft."""
    for name in STEP_TEXT_FIELDS[step]:
        value = form.get(name, "")
        setattr(draft, name, value if step == 2 else value.strip())
    for name in STEP_CHECKBOXES.get(step, ()):
        setattr(draft, name, form.get(name) == "on")


def skip_employment(draft: Draft) -> None:
    for name in STEP_TEXT_FIELDS[3]:
        setattr(draft, name, "")


def password_checks(password: str) -> tuple[bool, bool, bool]:
    """The checklist under the password field: length, a letter or symbol, a number."""
    return (
        8 <= len(password) <= 256,
        any(not char.isdigit() and not char.isspace() for char in password),
        any(char.isdigit() for char in password),
    )


def _names_and_emails(draft: Draft, email_taken: Callable[[str], bool]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.given_names:
        errors["given_names"] = GIVEN_NAMES_MISSING
    elif len(draft.given_names) >= 100:
        errors["given_names"] = NAME_TOO_LONG
    if len(draft.family_names) >= 100:
        errors["family_names"] = NAME_TOO_LONG
    if not draft.primary_email:
        errors["primary_email"] = EMAIL_MISSING
    elif not _EMAIL.match(draft.primary_email):
        errors["primary_email"] = EMAIL_INVALID
    elif email_taken(draft.primary_email):
        errors["primary_email"] = EMAIL_TAKEN
    if not draft.confirm_email:
        errors["confirm_email"] = EMAIL_CONFIRM_MISSING
    elif draft.confirm_email.lower() != draft.primary_email.lower():
        errors["confirm_email"] = EMAILS_DIFFER
    if draft.additional_email:
        if not _EMAIL.match(draft.additional_email):
            errors["additional_email"] = EMAIL_INVALID
        elif draft.additional_email.lower() == draft.primary_email.lower():
            errors["additional_email"] = ADDITIONAL_SAME_AS_PRIMARY
        elif email_taken(draft.additional_email):
            errors["additional_email"] = ADDITIONAL_EMAIL_TAKEN
    return errors


def _password(draft: Draft) -> dict[str, str]:
    errors: dict[str, str] = {}
    long_enough, has_letter, has_number = password_checks(draft.password)
    if not draft.password:
        errors["password"] = PASSWORD_MISSING
    elif not long_enough:
        errors["password"] = PASSWORD_LENGTH
    elif not has_letter:
        errors["password"] = PASSWORD_LETTER
    elif not has_number:
        errors["password"] = PASSWORD_PATTERN
    elif draft.password.lower() == draft.primary_email.lower():
        errors["password"] = PASSWORD_IS_EMAIL
    if draft.confirm_password != draft.password:
        errors["confirm_password"] = PASSWORDS_DIFFER
    return errors


def _employment(draft: Draft, this_year: int) -> dict[str, str]:
    errors: dict[str, str] = {}
    details = (draft.department, draft.role_title, draft.start_year, draft.start_month)
    if any(details) and not draft.organization:
        errors["organization"] = ORGANIZATION_MISSING
    year_ok = not draft.start_year or whole_number(draft.start_year, 1900, this_year) is not None
    month_ok = not draft.start_month or whole_number(draft.start_month, 1, 12) is not None
    if not year_ok or not month_ok or (draft.start_month and not draft.start_year):
        errors["start_date"] = DATE_INVALID
    return errors


def step_errors(draft: Draft, step: int, *, email_taken: Callable[[str], bool], this_year: int) -> dict[str, str]:
    """Field name → ORCID's message, for the fields of ``step`` that are not acceptable."""
    if step == 1:
        return _names_and_emails(draft, email_taken)
    if step == 2:
        return _password(draft)
    if step == 3:
        return _employment(draft, this_year)
    if step == 4:
        return {} if draft.visibility in ("public", "limited", "private") else {"visibility": VISIBILITY_MISSING}
    if not (draft.consent_terms and draft.consent_processing):
        return {"consent": CONSENT_MISSING}
    return {}


def first_failing_step(
    draft: Draft, *, email_taken: Callable[[str], bool], this_year: int
) -> tuple[int, dict[str, str]] | None:
    for step in range(1, STEPS + 1):
        errors = step_errors(draft, step, email_taken=email_taken, this_year=this_year)
        if errors:
            return step, errors
    return None


def new_account(draft: Draft) -> NewAccount:
    employment = None
    if draft.organization:
        employment = Employment(
            organization=draft.organization,
            department=draft.department,
            role_title=draft.role_title,
            start_year=int(draft.start_year) if draft.start_year else None,
            start_month=int(draft.start_month) if draft.start_month else None,
        )
    return NewAccount(
        given_names=draft.given_names,
        family_names=draft.family_names,
        primary_email=draft.primary_email,
        additional_email=draft.additional_email,
        password=draft.password,
        default_visibility=draft.visibility,
        tips_email=draft.tips_email,
        employment=employment,
    )
