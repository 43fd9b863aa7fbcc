"""Running a tutorial in a real browser: check each step's labels, act, capture, compare, and fail precisely."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from playwright.sync_api import Browser, BrowserContext, FloatRect, Locator, Page
from playwright.sync_api import Error as PlaywrightError

from orcid_guide.engine.actions import ElementFailed, perform, use
from orcid_guide.engine.baselines import read_manifest
from orcid_guide.engine.browser import Viewport, new_context
from orcid_guide.engine.elements import Element
from orcid_guide.engine.failure_text import describe_element_failure, describe_error
from orcid_guide.engine.images import Box, marked_image
from orcid_guide.engine.kept_files import KeptFileMissing, keep_download
from orcid_guide.engine.labels import LabelsSeen, find_labels, near_misses, screen_text, shown_texts, wait_for_labels
from orcid_guide.engine.renderer import Renderer
from orcid_guide.engine.shots import Capture, ShotPolicy, ShotResult, encoded, record_shot
from orcid_guide.engine.steps import Env, Step, Tutorial, screenshot_name
from orcid_guide.engine.text_baselines import snapshot

Progress = Callable[[str], None]
T = TypeVar("T")


@dataclass(frozen=True)
class StepFailure:
    tutorial: str
    number: int
    step: str
    pages: tuple[str, ...]
    problem: str
    screenshot: Path
    trace: Path | None  # None when the run was not traced

    def __str__(self) -> str:
        shown_on = ", ".join(self.pages) or "no page yet"
        trace = _near(self.trace) if self.trace is not None else "none"
        return (
            f"Tutorial {self.tutorial}, step {self.number} ({self.step}), shown on {shown_on}: {self.problem} "
            f"What was on screen: {_near(self.screenshot)}; trace: {trace}"
        )


def _near(path: Path) -> str:
    """A path relative to the working folder when it is inside it, so messages stay short."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass
class TutorialResult:
    name: str
    shots: list[ShotResult] = field(default_factory=list)
    # Where each shot's subject is (its image left out): what the baselines' manifest records.
    captures: list[Capture] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # number, step id, reason
    failure: StepFailure | None = None
    seconds: float = 0.0
    step_seconds: dict[int, float] = field(default_factory=dict)  # step number → how long it took


@dataclass(frozen=True)
class RunOptions:
    viewport: Viewport
    shots: ShotPolicy
    failures: Path  # where a failing step leaves its screenshot and trace
    timeout_ms: float = 5_000
    # Tracing costs most of a second per tutorial; a caller that re-runs a failure with tracing turns it off.
    trace: bool = True


class LabelMissing(Exception):
    pass


def run_tutorial(
    browser: Browser,
    tutorial: Tutorial,
    env: Env,
    options: RunOptions,
    pages: tuple[str, ...] = (),
    progress: Progress = lambda line: None,
) -> TutorialResult:
    """Run every step of ``tutorial`` in a fresh browser context; stop at the first step that fails."""
    started = time.perf_counter()
    result = TutorialResult(tutorial.name)
    whole = tutorial.skip_on.get(env.target, "")
    if whole:
        progress(f"{tutorial.name}: skipped on {env.target}: {whole}")
        result.skipped = [(number, step.id, whole) for number, step in enumerate(tutorial.steps, start=1)]
        result.seconds = time.perf_counter() - started
        return result
    context = new_context(browser, options.viewport)
    context.set_default_timeout(options.timeout_ms)
    if options.trace:
        context.tracing.start(screenshots=True, snapshots=True)
    page = context.new_page()
    drawn_by = read_manifest(options.shots.baselines / tutorial.name).renderer
    # A failure before step 1 is reported as step 0, "prepare": the situation the tutorial assumes.
    number, current = 0, replace(tutorial.steps[0], id="prepare")
    # Marking, encoding, comparing and writing a shot is Python's work while the browser waits for nothing:
    # one thread does it beside the next steps, in order, and the run waits for it before it ends.
    developing = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"shots-{tutorial.name}")
    developed: list[tuple[int, Step, Future[tuple[ShotResult, Capture]]]] = []
    try:
        if tutorial.prepare is not None:
            perform(tutorial.prepare, page, env)
        skip_reason = ""
        for number, current in enumerate(tutorial.steps, start=1):
            skip_reason = skip_reason or current.skip_on.get(env.target, "")
            if skip_reason:
                result.skipped.append((number, current.id, skip_reason))
                progress(f"{tutorial.name}: step {number}/{len(tutorial.steps)} {current.id} skipped: {skip_reason}")
                skip_reason = f"it follows step {number}, which was skipped"
                continue
            progress(f"{tutorial.name}: step {number}/{len(tutorial.steps)} {current.id}")
            step_started = time.perf_counter()
            capture = _run_step(page, current, env, options, screenshot_name(number, current))
            if capture is not None:
                shot = developing.submit(_develop, options, tutorial.name, capture, drawn_by)
                developed.append((number, current, shot))
            result.step_seconds[number] = time.perf_counter() - step_started
        # A shot that could not be recorded (a baseline that is not an image) fails its own step.
        while developed:
            number, current, shot = developed[0]
            _keep(result, shot.result())
            developed.pop(0)
    except Exception as error:  # whatever a step raised is reported the same way, at that step
        problem = _problem(error, page, options)
        result.failure = _record_failure(context, page, tutorial, number, current, pages, problem, options)
    else:
        if options.trace:
            context.tracing.stop()
    finally:
        context.close()
        developing.shutdown()
        # After a failure, the shots recorded before it (the failing step's own, if any, is not one).
        for _, _, shot in developed:
            if shot.exception() is not None:
                break
            _keep(result, shot.result())
        result.seconds = time.perf_counter() - started
    return result


def _keep(result: TutorialResult, developed: tuple[ShotResult, Capture]) -> None:
    recorded, capture = developed
    result.shots.append(recorded)
    result.captures.append(capture)


def _develop(options: RunOptions, tutorial: str, raw: Capture, drawn_by: Renderer | None) -> tuple[ShotResult, Capture]:
    """The shot marked and recorded; its capture kept without the image, for the baselines' manifest."""
    image = marked_image(raw.png, raw.target, options.viewport.scale)
    capture = replace(raw, png=encoded(options.shots, tutorial, raw.name, image))
    return record_shot(options.shots, tutorial, capture, drawn_by), replace(capture, png=b"")


def _problem(error: Exception, page: Page, options: RunOptions) -> str:
    if isinstance(error, LabelMissing | KeptFileMissing):
        return str(error)
    if isinstance(error, ElementFailed):
        return describe_element_failure(error, options.timeout_ms, _screen_or_nothing(page))
    return describe_error(error, _screen_or_nothing(page))


def _run_step(page: Page, step: Step, env: Env, options: RunOptions, name: str) -> Capture | None:
    if step.act is not None:
        perform(step.act, page, env)
    # The labels are looked for on the screen that is photographed: after the action, before the click.
    seen: LabelsSeen | None = _labels_shown(page, step.labels, options.timeout_ms)
    target = step.locate(page)
    element = step.element
    box = None
    if target is not None:
        box = _box(_use(page, element, target, Locator.bounding_box))
        # Playwright scrolls only what is not wholly in view; asking it then costs two animation frames.
        if box is None or not _wholly_inside(box, options.viewport):
            _use(page, element, target, Locator.scroll_into_view_if_needed)
            box = _box(target.bounding_box())
            seen = None  # the page moved: where the labels are is looked for again
    capture = None
    if step.shot:
        seen = seen or _labels_in_view(page, step.labels)
        _no_label_outside(seen)
        capture = _capture(page, box, env, name, seen, options)
    if target is not None and step.click:
        if step.keep_download:
            keep_download(page, env, step.keep_download, lambda: _use(page, element, target, Locator.click))
        else:
            _use(page, element, target, Locator.click)
        page.wait_for_load_state()
    return capture


def _box(found: FloatRect | None) -> Box | None:
    return Box(**found) if found else None


def _wholly_inside(box: Box, viewport: Viewport) -> bool:
    return box.x >= 0 and box.y >= 0 and box.x + box.width <= viewport.width and box.y + box.height <= viewport.height


def _use(page: Page, element: Element | None, target: Locator, what: Callable[[Locator], T]) -> T:
    """Use the step's target; an element the engine describes is named in its own words when that fails."""
    if element is None:
        return what(target)
    return use(element, page, what)


def _labels_shown(page: Page, labels: tuple[str, ...], timeout_ms: float) -> LabelsSeen:
    seen = wait_for_labels(page, labels, timeout_ms)
    if seen.missing:
        raise LabelMissing(_missing_sentence(seen.missing, shown_texts(page)))
    return seen


def _labels_in_view(page: Page, labels: tuple[str, ...]) -> LabelsSeen:
    seen = find_labels(page, labels)
    if seen.missing:
        raise LabelMissing(_missing_sentence(seen.missing, shown_texts(page)))
    return seen


def _no_label_outside(seen: LabelsSeen) -> None:
    if seen.outside:
        quoted = ", ".join(f'"{label}"' for label in seen.outside)
        raise LabelMissing(
            f"the label{'s' if len(seen.outside) > 1 else ''} {quoted} {_are(seen.outside)} on the "
            "page but outside the screenshot, so the reader would not see it there."
        )


def _are(labels: tuple[str, ...]) -> str:
    return "are" if len(labels) > 1 else "is"


def _missing_sentence(missing: tuple[str, ...], shown: list[str]) -> str:
    quoted = ", ".join(f'"{label}"' for label in missing)
    sentence = f"the label{'s' if len(missing) > 1 else ''} {quoted} {_are(missing)} not on the screen."
    hints = [
        f'"{label}" ({", ".join(repr(text) for text in near)})'
        for label in missing
        if (near := near_misses(label, shown))
    ]
    if hints:
        sentence += " Close to it on the screen: " + "; ".join(hints) + "."
    return sentence


def _capture(page: Page, box: Box | None, env: Env, name: str, seen: LabelsSeen, options: RunOptions) -> Capture:
    raw = page.screenshot(animations="disabled", caret="hide", scale="device")
    text = snapshot(page, env.urls) if options.shots.text else ""
    return Capture(name, raw, text, box, seen.boxes)  # not marked yet: _develop marks it


def _screen_or_nothing(page: Page) -> str:
    try:
        return screen_text(page)
    except PlaywrightError:  # the page may be gone or navigating
        return ""


def _record_failure(
    context: BrowserContext,
    page: Page,
    tutorial: Tutorial,
    number: int,
    step: Step,
    pages: tuple[str, ...],
    problem: str,
    options: RunOptions,
) -> StepFailure:
    folder = options.failures / tutorial.name
    folder.mkdir(parents=True, exist_ok=True)
    screenshot = folder / screenshot_name(number, step)
    trace = folder / "trace.zip" if options.trace else None
    try:
        page.screenshot(path=str(screenshot), animations="disabled", caret="hide")
    except PlaywrightError:
        screenshot.write_bytes(b"")
    if trace is not None:
        context.tracing.stop(path=str(trace))
    return StepFailure(tutorial.name, number, step.id, pages, problem, screenshot, trace)
