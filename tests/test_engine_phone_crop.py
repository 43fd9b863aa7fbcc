"""The region around a screenshot's marked element, for narrow screens: found from the image alone."""

from __future__ import annotations

import io

from PIL import Image

from orcid_guide.engine.images import Box, mark
from orcid_guide.engine.phone_crop import CROP_HEIGHT, CROP_WIDTH, MOST_WIDTH, crop_bounds, mark_bounds, phone_crop


def screen(width: int = 1024, height: int = 700) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (240, 240, 245)).save(out, format="PNG")
    return out.getvalue()


def test_the_crop_surrounds_the_marked_element_and_repeats_byte_for_byte() -> None:
    marked = mark(screen(), Box(x=800, y=20, width=120, height=30), scale=1)
    crop = phone_crop(marked)
    assert crop is not None and crop == phone_crop(marked)
    image = Image.open(io.BytesIO(crop))
    assert image.size == (CROP_WIDTH, CROP_HEIGHT)
    found = mark_bounds(image)
    assert found is not None
    left, top, right, bottom = found
    # The whole frame is inside the crop, not cut at its edge.
    assert 0 < left < right < CROP_WIDTH - 1 and 0 <= top < bottom < CROP_HEIGHT - 1


def test_a_screenshot_without_a_mark_has_no_crop() -> None:
    assert phone_crop(mark(screen(), None, scale=1)) is None


def test_a_mark_over_most_of_the_screen_needs_no_crop() -> None:
    assert crop_bounds((10, 10, 1000, 650), (1024, 700)) is None


def test_the_crop_stays_inside_the_image_near_its_corner() -> None:
    assert crop_bounds((1000, 680, 1020, 698), (1024, 700)) == (1024 - CROP_WIDTH, 700 - CROP_HEIGHT, 1024, 700)


def test_a_mark_wider_than_a_phone_crop_is_shown_from_its_start() -> None:
    assert crop_bounds((30, 100, 900, 130), (1024, 700)) == (6, 0, 6 + MOST_WIDTH, CROP_HEIGHT)


def test_a_crop_from_boxes_holds_the_target_and_every_label_box_whole() -> None:
    from orcid_guide.engine.phone_crop import crop_around, subject_bounds

    # The "Everyone" option chosen and the "Next Step" button clicked, far apart on a 1024 x 700 screen.
    boxes = [Box(300, 200, 120, 20), Box(620, 480, 120, 36)]
    subject = subject_bounds(boxes, (1024, 700))
    assert subject == (300, 200, 740, 516)
    bounds = crop_around(subject, (1024, 700))
    assert bounds is not None
    left, top, right, bottom = bounds
    assert left <= 300 and top <= 200 and right >= 740 and bottom >= 516
    assert right - left <= MOST_WIDTH


def test_a_subject_too_large_for_a_phone_crop_shows_the_whole_screen() -> None:
    from orcid_guide.engine.phone_crop import crop_around, subject_bounds

    subject = subject_bounds([Box(20, 100, 60, 20), Box(900, 600, 80, 30)], (1024, 700))
    assert subject is not None and crop_around(subject, (1024, 700)) is None
