"""Launching the machine's own Chromium (Debian's package) through Playwright.

The browser is Chromium's headless shell (Debian's ``chromium-headless-shell``), the build Playwright itself runs
headless: the same Blink and Skia as the full browser, so the same pixels (every baseline byte for byte), with
about a third less CPU for a whole run. The full ``chromium`` still works where the shell is missing.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

from orcid_guide.errors import UserError

if TYPE_CHECKING:  # only for annotations: the site build imports this module and need not load Playwright
    from playwright.sync_api import Browser, BrowserContext, Playwright

# Without these, Chromium phones home at start and on a closed network that costs time and noise.
CHROMIUM_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--font-render-hinting=none",
    "--hide-scrollbars",
    # Screenshots must repeat pixel for pixel. Repainting only the part of a page that changed, Skia's
    # CPU-specific fast paths and the screen's colour profile each left pixels differing from run to run
    # (anti-aliased corners one or two levels apart); scripts/soak_pixels.py shows it.
    "--disable-partial-raster",
    "--disable-skia-runtime-opts",
    "--force-color-profile=srgb",
    "--disable-lcd-text",
)


BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser")


@dataclass(frozen=True)
class Viewport:
    width: int = 1024
    height: int = 700
    scale: float = 1


def find_chromium() -> str:
    """The Chromium to drive: $ORCID_GUIDE_CHROMIUM, else the first of BROWSERS on PATH."""
    configured = os.environ.get("ORCID_GUIDE_CHROMIUM")
    if configured:
        if not os.access(configured, os.X_OK):
            raise UserError(f"ORCID_GUIDE_CHROMIUM points to {configured}, which is not an executable browser.")
        return configured
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise UserError(
        "Chromium was not found on PATH; install Debian's chromium-headless-shell "
        "(apt-get install chromium-headless-shell) "
        "or set ORCID_GUIDE_CHROMIUM to a Chromium executable."
    )


def launch_chromium(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=find_chromium(),
        args=list(CHROMIUM_ARGS),
        chromium_sandbox=False,
    )


def new_context(browser: Browser, viewport: Viewport) -> BrowserContext:
    """A context whose pages render the same way every run: fixed size, scale, locale, zone, no motion."""
    return browser.new_context(
        viewport={"width": viewport.width, "height": viewport.height},
        device_scale_factor=viewport.scale,
        locale="en-GB",
        timezone_id="Europe/Amsterdam",
        reduced_motion="reduce",
        color_scheme="light",
        accept_downloads=True,
    )
