"""Create your ORCID iD: the five-step register wizard, the new record, signing out and in again."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from orcid_guide.engine.actions import click, goto
from orcid_guide.engine.elements import button, heading, menu_item
from orcid_guide.engine.steps import Step, Tutorial

# A researcher made up for the guide; the emulator's fixed iD sequence gives her the same iD every run.
GIVEN, FAMILY = "Sanne", "Jansen"
EMAIL = "s.jansen@example.org"
PASSWORD = "Leiden-2026"
ID_URL = re.compile(r"^https://(sandbox\.)?orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
RECAPTCHA = "the real ORCID sandbox asks for a reCAPTCHA here, which cannot be automated"


def names_and_emails(page: Page) -> None:
    page.get_by_label("Given names").fill(GIVEN)
    page.get_by_label("Family names").fill(FAMILY)
    page.get_by_label("Primary email", exact=True).fill(EMAIL)
    page.get_by_placeholder("Confirm primary email").fill(EMAIL)


def password(page: Page) -> None:
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_placeholder("Confirm your password").fill(PASSWORD)


def visibility(page: Page) -> None:
    page.get_by_label("Everyone").check()


def terms(page: Page) -> None:
    page.get_by_label("I consent to the privacy policy", exact=False).check()
    page.get_by_label("I consent to my data being processed in the United States.").check()


def record_shown(page: Page) -> None:
    expect(page.get_by_role("heading", name="Works")).to_be_visible()


def sign_in(page: Page) -> None:
    page.get_by_label("Email or ORCID iD").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)


TUTORIAL = Tutorial(
    steps=(
        Step(
            "register",
            en="Go to [orcid.org/register](https://orcid.org/register). ORCID asks for your details in five short "
            "steps, each under the heading **Create your ORCID iD**.",
            nl="Ga naar [orcid.org/register](https://orcid.org/register). ORCID vraagt uw gegevens in vijf korte "
            "stappen, steeds onder de kop **Create your ORCID iD**.",
            act=goto("orcid", "/register"),
            target=heading(),
            click=False,
        ),
        Step(
            "names-and-emails",
            en="In **Step 1 of 5 - Names and emails**, fill in your **Given names** and your family name. Type your "
            "email address under **Primary email** and once more under **Confirm primary email**. Use the address "
            "you will keep longest; you can add your Leiden address later. Click **Next Step**.",
            nl="Vul bij **Step 1 of 5 - Names and emails** uw voornamen in bij **Given names** en uw achternaam. "
            "Typ uw e-mailadres bij **Primary email** en nog een keer bij **Confirm primary email**. Kies het "
            "adres dat u het langst houdt; uw Leidse adres kunt u later toevoegen. Klik op **Next Step**.",
            act=names_and_emails,
            target=button(),
        ),
        Step(
            "password",
            en="In **Step 2 of 5 - Password**, choose a **Password** with **8 or more characters**, "
            "**At least 1 letter or symbol** and **At least 1 number**. Type it again under **Confirm your "
            "password** and click **Next Step**.",
            nl="Kies bij **Step 2 of 5 - Password** een wachtwoord (**Password**) met **8 or more characters**, "
            "**At least 1 letter or symbol** en **At least 1 number**. Typ het nog een keer bij **Confirm your "
            "password** en klik op **Next Step**.",
            act=password,
            target=button(),
        ),
        Step(
            "employment",
            en="**Step 3 of 5 - Current employment (Optional)** asks where you work. You can add Leiden University "
            "now or later on your record; to go on without it, click **Skip this step and continue registration**.",
            nl="**Step 3 of 5 - Current employment (Optional)** vraagt waar u werkt. U kunt de Universiteit Leiden nu "
            "invullen of later in uw record; wilt u verder zonder, klik dan op **Skip this step and continue "
            "registration**.",
            target=button(),
        ),
        Step(
            "visibility",
            en="In **Step 4 of 5 - Visibility**, choose who may see what you add to your record from now on. Choose "
            "**Everyone**: LUCRIS and other systems can only find what is visible to everyone. You can still "
            "change it for each item later. Click **Next Step**.",
            nl="Kies bij **Step 4 of 5 - Visibility** wie voortaan mag zien wat u aan uw record toevoegt. Kies "
            "**Everyone**: LUCRIS en andere systemen vinden alleen wat voor iedereen zichtbaar is. U kunt het later "
            "per item nog aanpassen. Klik op **Next Step**.",
            act=visibility,
            target=button(),
        ),
        Step(
            "terms",
            en="In **Step 5 of 5 - Terms and conditions**, tick both consent boxes (**I consent to the privacy policy "
            "and terms of use and agree to my data being publicly accessible where marked as “Visible to "
            "Everyone”.** and **I consent to my data being processed in the United States.**). The box "
            "**Tips & features email** is up to you. Click **Complete registration**.",
            nl="Vink bij **Step 5 of 5 - Terms and conditions** beide toestemmingen aan (**I consent to the privacy "
            "policy and terms of use and agree to my data being publicly accessible where marked as “Visible to "
            "Everyone”.** en **I consent to my data being processed in the United States.**). Of u het "
            "vakje **Tips & features email** aanvinkt, mag u zelf weten. Klik op **Complete registration**.",
            act=terms,
            target=button(),
            skip_on={"sandbox": RECAPTCHA},
        ),
        Step(
            "record",
            en="Your ORCID record opens, with your ORCID iD under your name as a web address. That address is your "
            "iD: use it on your website, in publications and in LUCRIS. Your publications will appear under "
            "**Works**.",
            nl="Uw ORCID-record wordt geopend, met uw ORCID iD als webadres onder uw naam. Dat adres is uw iD: "
            "gebruik het op uw website, in publicaties en in LUCRIS. Uw publicaties komen onder **Works** te staan.",
            act=record_shown,
            target=lambda page: page.get_by_text(ID_URL).first,
            click=False,
        ),
        Step(
            "sign-out",
            en="To sign out, click your name at the top right and choose **Logout**.",
            nl="Om uit te loggen klikt u rechtsboven op uw naam en kiest u **Logout**.",
            act=click(button(f"{GIVEN} {FAMILY}", exact=False)),
            target=menu_item(),
        ),
        Step(
            "sign-in",
            en="Next time, sign in at [orcid.org/signin](https://orcid.org/signin): type your email address or your "
            "iD under **Email or ORCID iD**, then your **Password**, and click **Sign in to ORCID**.",
            nl="Een volgende keer logt u in via [orcid.org/signin](https://orcid.org/signin): typ uw e-mailadres of "
            "uw iD bij **Email or ORCID iD**, daarna uw wachtwoord bij **Password**, en klik op **Sign in to "
            "ORCID**.",
            act=sign_in,
            target=button(),
        ),
    ),
)
