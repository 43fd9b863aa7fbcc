"""A changed number is a changed screenshot, on any renderer: the stale "26 publications" case."""

from __future__ import annotations

from playwright.sync_api import Browser

from orcid_guide.engine.images import Rule, compare
from orcid_guide.engine.text_baselines import changed_words, normalise_snapshot, text_difference

DASHBOARD = """<!doctype html><html><body style="font-family: 'DejaVu Sans'; margin: 24px; width: 976px">
<h1 style="font-size: 22px">My research output</h1>
<p style="font-size: 14px"><a href="http://127.0.0.1:8200/outputs">{count} publications</a> · Validated {valid}</p>
<div style="height: 560px; background: #f4f4f4"></div></body></html>"""


def draw(browser: Browser, count: int, valid: int) -> tuple[bytes, str]:
    page = browser.new_page(viewport={"width": 1024, "height": 700})
    try:
        page.set_content(DASHBOARD.format(count=count, valid=valid))
        text = normalise_snapshot(page.locator("body").aria_snapshot(), {"lucris": "http://127.0.0.1:8200"})
        return page.screenshot(animations="disabled", caret="hide"), text
    finally:
        page.close()


def test_26_becoming_27_publications_is_a_change_in_pixels_and_in_words(browser: Browser) -> None:
    old_png, old_text = draw(browser, 26, 21)
    new_png, new_text = draw(browser, 27, 22)
    for exact in (True, False):
        comparison = compare(old_png, new_png, Rule(exact=exact))
        assert comparison.status == "changed"
        # Two digits are a sliver of the image: far less than the 0.2 % a share-based tolerance let through.
        assert comparison.changed_pixels / (1024 * 700) < 0.002
    assert text_difference(old_text, new_text) == [
        "@@ -2,4 +2,4 @@",
        " - paragraph:",
        '-  - link "26 publications":',
        '+  - link "27 publications":',
        "     - /url: {lucris}/outputs",
        "-  - text: · Validated 21",
        "+  - text: · Validated 22",
    ]
    assert changed_words(text_difference(old_text, new_text)) == [
        ('- link "26 publications":', '- link "27 publications":'),
        ("- text: · Validated 21", "- text: · Validated 22"),
    ]


def test_the_same_screen_drawn_twice_is_the_same(browser: Browser) -> None:
    first, first_text = draw(browser, 26, 21)
    second, second_text = draw(browser, 26, 21)
    assert compare(first, second, Rule(exact=True)).status == "same"
    assert text_difference(first_text, second_text) == []


def test_the_apps_addresses_and_oauth_states_are_the_only_things_a_text_baseline_normalises() -> None:
    urls = {"orcid": "http://127.0.0.1:41234", "lucris": "http://127.0.0.1:41235/"}
    snapshot = (
        '- link "Connect":\n'
        "  - /url: http://127.0.0.1:41234/oauth/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A41235%2Fcallback"
        "&state=f3a03e623e4d&scope=%2Fread-limited\n"
        "- paragraph: Port 41234 is mentioned, not as an address; the state=of the art stays\n"
    )
    assert normalise_snapshot(snapshot, urls) == (
        '- link "Connect":\n'
        "  - /url: {orcid}/oauth/authorize?redirect_uri={lucris}%2Fcallback&state={state}&scope=%2Fread-limited\n"
        "- paragraph: Port 41234 is mentioned, not as an address; the state=of the art stays\n"
    )
