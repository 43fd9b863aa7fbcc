from pathlib import Path

import pytest

from orcid_guide.engine.actions import goto
from orcid_guide.engine.expand import ShotImage, alt_text, plain, tutorial_markdown
from orcid_guide.engine.loader import load_tutorials
from orcid_guide.engine.steps import Step, Tutorial
from orcid_guide.engine.wording import load_words
from orcid_guide.errors import UserError

# The guide's own words around the steps (words.toml), in its two languages.
WORDS = load_words(Path(__file__).parents[1] / "words.toml", ("en", "nl"))


go = goto("site")


def test_a_step_quoting_different_labels_in_each_language_is_refused() -> None:
    with pytest.raises(ValueError, match=r"step 1 \(start\) quotes different labels in en and nl: Go, Start"):
        Tutorial("t", (Step("start", en="Click **Start**.", nl="Klik op **Go**.", act=go),))


def test_a_step_without_dutch_words_is_refused() -> None:
    with pytest.raises(ValueError, match="has no nl text"):
        Tutorial("t", (Step("start", en="Click **Start**.", nl=" ", act=go),))


def test_a_tutorial_may_be_written_in_any_languages_but_every_step_in_all_of_them() -> None:
    tutorial = Tutorial(
        "t",
        (
            Step("start", de="Klicken Sie auf **Start**.", fr="Cliquez sur **Start**.", act=go),
            Step("next", de="Dann **Weiter**.", fr="Puis **Weiter**.", act=go),
        ),
    )
    assert tutorial.languages == ("de", "fr")
    assert tutorial.steps[0].text("fr") == "Cliquez sur **Start**."
    assert tutorial.steps[1].labels == ("Weiter",)
    with pytest.raises(ValueError, match=r"step 2 \(next\) is written in de, not in de and fr"):
        Tutorial("t", (tutorial.steps[0], Step("next", de="Dann **Weiter**.", act=go)))
    with pytest.raises(ValueError, match="step 'start' has no words in the language 'nl'"):
        tutorial.steps[0].text("nl")


def test_a_misspelt_option_is_not_taken_for_a_language() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'targte'"):
        # mypy refuses it too (a language's words are text); this is what a tutorial meets when run unchecked.
        Step("start", en="Click **Start**.", nl="Klik op **Start**.", targte=go)  # type: ignore[arg-type]


def test_step_ids_must_be_unique_slugs() -> None:
    with pytest.raises(ValueError, match="repeats the id"):
        Tutorial("t", (Step("a", en="x", nl="x", act=go), Step("a", en="y", nl="y", act=go)))
    with pytest.raises(ValueError, match="needs an id"):
        Tutorial("t", (Step("Bad Id", en="x", nl="x", act=go),))


def test_labels_are_the_bold_parts_once_each() -> None:
    step = Step(
        "s", en="Click **Next Step**, then **Next Step** again and **Cancel**.", nl="**Next Step** **Cancel**", act=go
    )
    assert step.labels == ("Next Step", "Cancel")


def test_markdown_numbers_steps_and_puts_each_screenshot_under_its_step() -> None:
    tutorial = Tutorial(
        "demo",
        (
            Step("open", en="Open the [site](https://example.org).", nl="Open de [site](https://example.org).", act=go),
            Step("next", en="Click **Next**.", nl="Klik op **Next**.", act=go, shot=False),
        ),
    )
    dutch = tutorial_markdown(tutorial, WORDS["nl"], "../shots/demo")
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
    step = Step(
        "save", en="Under **Settings**, click **Save**.", nl="Klik onder **Settings** op **Save**.", target=marked
    )
    assert (
        alt_text(step, 2, WORDS["en"])
        == "Screenshot: step 2, a screen with “Settings” and “Save”, the element to use marked"
    )
    assert alt_text(step, 2, WORDS["nl"]) == (
        "Schermafbeelding: stap 2, een scherm met “Settings” en “Save”, het te gebruiken element gemarkeerd"
    )
    shown = Step("done", en="It says **Saved**.", nl="Er staat **Saved**.", target=marked, click=False)
    assert alt_text(shown, 3, WORDS["en"]) == "Screenshot: step 3, a screen with “Saved”, what it is about marked"


def test_a_step_may_say_itself_what_its_screenshot_shows_in_both_languages() -> None:
    step = Step("s", en="Look.", nl="Kijk.", act=go, alt={"en": "your record", "nl": "uw record"})
    assert alt_text(step, 1, WORDS["nl"]) == "Schermafbeelding: uw record"
    with pytest.raises(ValueError, match="alt text in en only"):
        Tutorial("t", (Step("s", en="Look.", nl="Kijk.", act=go, alt={"en": "your record"}),))
    with pytest.raises(ValueError, match="Markdown in its alt text"):
        Tutorial("t", (Step("s", en="Look.", nl="Kijk.", act=go, alt={"en": "**x**", "nl": "**x**"}),))


def test_a_screenshot_with_its_size_and_a_phone_crop_gets_them_as_attributes() -> None:
    tutorial = Tutorial("demo", (Step("save", en="Click **Save**.", nl="Klik op **Save**.", target=marked),))
    markdown = tutorial_markdown(tutorial, WORDS["en"], "shots", {"01-save.png": ShotImage(1024, 700, (400, 300))})
    assert markdown.splitlines()[2].endswith(
        '(shots/01-save.png){ data-title="Step 1" data-description="Click Save." width="1024" height="700" '
        'loading="lazy" .phone-crop data-phone-width="400" '
        'data-phone-height="300" }'
    )
