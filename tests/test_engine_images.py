import io

from PIL import Image, ImageDraw

from orcid_guide.engine.images import Box, compare, difference_image, encode, mark


def picture(draw_square_at: tuple[int, int] | None = None, size: tuple[int, int] = (200, 120)) -> bytes:
    image = Image.new("RGB", size, "white")
    if draw_square_at:
        x, y = draw_square_at
        ImageDraw.Draw(image).rectangle((x, y, x + 20, y + 20), fill="black")
    return encode(image)


def test_identical_images_are_the_same() -> None:
    assert compare(picture((10, 10)), picture((10, 10)), tolerance=0.0, pixel_threshold=24).status == "same"


def test_a_changed_region_is_detected_with_its_share_of_pixels() -> None:
    result = compare(picture(), picture((50, 50)), tolerance=0.001, pixel_threshold=24)
    assert result.status == "changed"
    assert result.changed_share == 21 * 21 / (200 * 120)


def test_differences_below_the_threshold_or_the_tolerance_pass() -> None:
    faint = Image.new("RGB", (200, 120), (245, 245, 245))
    assert compare(picture(), encode(faint), tolerance=0.0, pixel_threshold=24).status == "same"
    one_pixel = Image.new("RGB", (200, 120), "white")
    one_pixel.putpixel((3, 3), (0, 0, 0))
    assert compare(picture(), encode(one_pixel), tolerance=0.001, pixel_threshold=24).status == "same"
    assert compare(picture(), encode(one_pixel), tolerance=0.0, pixel_threshold=24).status == "changed"


def test_a_different_size_is_a_change_and_no_baseline_is_new() -> None:
    assert (
        compare(picture(size=(200, 120)), picture(size=(200, 121)), tolerance=1, pixel_threshold=0).status == "changed"
    )
    assert compare(None, picture(), tolerance=1, pixel_threshold=0).status == "new"


def test_marking_frames_the_element_and_repeats_byte_for_byte() -> None:
    marked = mark(picture(), Box(x=60, y=40, width=50, height=30), scale=1)
    assert marked == mark(picture(), Box(x=60, y=40, width=50, height=30), scale=1)
    image = Image.open(io.BytesIO(marked))
    assert image.getpixel((60 - 4, 55)) != (255, 255, 255)  # left edge of the frame
    assert image.getpixel((85, 55)) == (255, 255, 255)  # the element itself stays visible


def test_the_difference_image_paints_changed_pixels_red() -> None:
    diff = Image.open(io.BytesIO(difference_image(picture(), picture((50, 50)), 24)))
    assert diff.getpixel((60, 60)) == (230, 0, 0)
    assert diff.getpixel((5, 5)) != (230, 0, 0)


def test_an_animation_has_every_frame_and_repeats_byte_for_byte() -> None:
    from orcid_guide.engine.animation import LOOPS, animate

    frames = [picture((10, 10)), picture((60, 40)), picture((120, 80))]
    first = animate(frames)
    assert first == animate(frames)
    image = Image.open(io.BytesIO(first))
    assert getattr(image, "n_frames", 1) == 3
    # It plays a few times and stops by itself (WCAG 2.2.2), rather than looping forever (0).
    assert image.info.get("loop") == LOOPS > 0
