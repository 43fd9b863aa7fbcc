from pathlib import Path

import pytest

from orcid_guide.engine.expand import ShotImage, alt_text, plain, tutorial_markdown
from orcid_guide.engine.loader import load_tutorials
from orcid_guide.engine.steps import Step, Tutorial
from orcid_guide.errors import UserError


def go(page, env):  # type: ignore[no-untyped-def]
    page.goto(env.url("site"))


def test_a_step_quoting_different_labels_in_each_language_is_refused() -> None:
    with pytest.raises(ValueError, match=r"step 1 \(start\) quotes different labels in English and Dutch: Go, Start"):
        Tutorial("t", (Step("start", "Click **Start**.", "Klik op **Go**.", act=go),))


def test_a_step_without_dutch_words_is_refused() -> None:
    with pytest.raises(ValueError, match="has no nl text"):
        Tutorial("t", (Step("start", "Click **Start**.", " ", act=go),))


def test_step_ids_must_be_unique_slugs() -> None:
    with pytest.raises(ValueError, match="repeats the id"):
        Tutorial("t", (Step("a", "x", "x", act=go), Step("a", "y", "y", act=go)))
    with pytest.raises(ValueError, match="needs an id"):
        Tutorial("t", (Step("Bad Id", "x", "x", act=go),))


def test_labels_are_the_bold_parts_once_each() -> None:
    step = Step(
        "s", "Click **Next Step**, then **Next Step** again and **Cancel**.", "**Next Step** **Cancel**", act=go
    )
    assert step.labels == ("Next Step", "Cancel")


def test_markdown_numbers_steps_and_puts_each_screenshot_under_its_step() -> None:
    tutorial = Tutorial(
        "demo",
        (
            Step("open", "Open the [site](https://example.org).", "Open de [site](https://example.org).", act=go),
            Step("next", "Click **Next**.", "Klik op **Next**.", act=go, shot=False),
        ),
    )
    dutch = tutorial_markdown(tutorial, "nl", "../shots/demo")
    assert dutch.splitlines()[:3] == [
        "1. Open de [site](https://example.org).",
        "",
        '    ![Schermafbeelding: stap 1](../shots/demo/01-open.png){ data-title="Stap 1" '
        'data-description="Open de site." loading="lazy" }',
    ]
    assert "2. Klik op **Next**." in dutch
    assert "02-next.png" not in dutch
    assert plain("Click **Next** in [the menu](x)") == "Click Next in the menu"


def test_an_unknown_tutorial_name_is_one_sentence_listing_the_known_ones(tmp_path: Path) -> None:
    (tmp_path / "alpha.py").write_text("")
    (tmp_path / "beta.py").write_text("")
    with pytest.raises(UserError, match=r"^There is no tutorial named 'gamma'; known tutorials: alpha, beta\.$"):
        load_tutorials(tmp_path, ["gamma"])


def marked(page):  # type: ignore[no-untyped-def]
    return page.get_by_role("button", name="Save")


def test_alt_text_says_what_the_screenshot_shows_in_the_page_language() -> None:
    step = Step("save", "Under **Settings**, click **Save**.", "Klik onder **Settings** op **Save**.", target=marked)
    assert (
        alt_text(step, 2, "en") == "Screenshot: step 2, a screen with “Settings” and “Save”, the element to use marked"
    )
    assert alt_text(step, 2, "nl") == (
        "Schermafbeelding: stap 2, een scherm met “Settings” en “Save”, het te gebruiken element gemarkeerd"
    )
    shown = Step("done", "It says **Saved**.", "Er staat **Saved**.", target=marked, click=False)
    assert alt_text(shown, 3, "en") == "Screenshot: step 3, a screen with “Saved”, what it is about marked"


def test_a_step_may_say_itself_what_its_screenshot_shows_in_both_languages() -> None:
    step = Step("s", "Look.", "Kijk.", act=go, alt_en="your record", alt_nl="uw record")
    assert alt_text(step, 1, "nl") == "Schermafbeelding: uw record"
    with pytest.raises(ValueError, match="alt text in one language only"):
        Tutorial("t", (Step("s", "Look.", "Kijk.", act=go, alt_en="your record"),))
    with pytest.raises(ValueError, match="Markdown in its alt text"):
        Tutorial("t", (Step("s", "Look.", "Kijk.", act=go, alt_en="**x**", alt_nl="**x**"),))


def test_a_screenshot_with_its_size_and_a_phone_crop_gets_them_as_attributes() -> None:
    tutorial = Tutorial("demo", (Step("save", "Click **Save**.", "Klik op **Save**.", target=marked),))
    markdown = tutorial_markdown(tutorial, "en", "shots", {"01-save.png": ShotImage(1024, 700, (400, 300))})
    assert markdown.splitlines()[2].endswith(
        '(shots/01-save.png){ data-title="Step 1" data-description="Click Save." width="1024" height="700" '
        'loading="lazy" .phone-crop data-phone-width="400" '
        'data-phone-height="300" }'
    )
