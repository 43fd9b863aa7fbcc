import io
from pathlib import Path

from PIL import Image, ImageDraw

from orcid_guide.engine.images import Box, Rule, compare, difference_image, encode, largest_cluster, mark
from orcid_guide.engine.shots import ShotPolicy, encoded


def picture(draw_square_at: tuple[int, int] | None = None, size: tuple[int, int] = (200, 120)) -> bytes:
    image = Image.new("RGB", size, "white")
    if draw_square_at:
        x, y = draw_square_at
        ImageDraw.Draw(image).rectangle((x, y, x + 20, y + 20), fill="black")
    return encode(image)


EXACT = Rule(exact=True)
TOLERANT = Rule(exact=False, pixel_threshold=24, character=(4, 6))


def test_identical_images_are_the_same() -> None:
    assert compare(picture((10, 10)), picture((10, 10)), EXACT).status == "same"


def test_on_the_baselines_renderer_one_changed_pixel_is_a_change() -> None:
    one_pixel = Image.new("RGB", (200, 120), "white")
    one_pixel.putpixel((3, 3), (250, 250, 250))
    result = compare(picture(), encode(one_pixel), EXACT)
    assert (result.status, result.changed_pixels, result.bounds) == ("changed", 1, (3, 3, 4, 4))


def test_the_same_pixels_encoded_otherwise_are_the_same() -> None:
    out = io.BytesIO()
    Image.open(io.BytesIO(picture((10, 10)))).save(out, format="PNG", compress_level=1)
    assert out.getvalue() != picture((10, 10))
    assert compare(picture((10, 10)), out.getvalue(), EXACT).status == "same"


def test_on_another_renderer_scattered_noise_passes_but_a_character_sized_cluster_does_not() -> None:
    noisy = Image.open(io.BytesIO(picture((50, 50)))).convert("RGB")
    for x, y in [(5, 5), (30, 90), (120, 10), (51, 49), (71, 71), (190, 110)]:
        noisy.putpixel((x, y), (120, 120, 120))  # anti-aliasing at edges: single pixels, far apart
    result = compare(picture((50, 50)), encode(noisy), TOLERANT)
    assert (result.status, result.changed_pixels) == ("same", 6)
    faint = Image.new("RGB", (200, 120), (245, 245, 245))
    assert compare(picture(), encode(faint), TOLERANT).status == "same"
    blot = Image.open(io.BytesIO(picture())).convert("RGB")
    ImageDraw.Draw(blot).rectangle((100, 60, 103, 65), fill="black")  # 4 x 6: the size of a small letter
    assert compare(picture(), encode(blot), TOLERANT).status == "changed"


def test_a_different_size_is_a_change_and_no_baseline_is_new() -> None:
    changed = compare(picture(size=(200, 120)), picture(size=(200, 121)), TOLERANT)
    assert (changed.status, changed.size_changed) == ("changed", True)
    assert compare(None, picture(), TOLERANT).status == "new"


def test_the_largest_cluster_joins_the_strokes_of_a_glyph() -> None:
    mask = Image.new("L", (40, 40), 0)
    for y in range(10, 20):
        mask.putpixel((10, y), 255)
        mask.putpixel((12, y), 255)  # a second stroke two pixels along: the same glyph
    mask.putpixel((30, 30), 255)
    assert largest_cluster(mask) == (3, 10)


def test_marking_frames_the_element_and_repeats_byte_for_byte() -> None:
    marked = mark(picture(), Box(x=60, y=40, width=50, height=30), scale=1)
    assert marked == mark(picture(), Box(x=60, y=40, width=50, height=30), scale=1)
    image = Image.open(io.BytesIO(marked))
    assert image.getpixel((60 - 4, 55)) != (255, 255, 255)  # left edge of the frame
    assert image.getpixel((85, 55)) == (255, 255, 255)  # the element itself stays visible


def test_the_difference_image_paints_changed_pixels_red() -> None:
    diff = Image.open(io.BytesIO(difference_image(picture(), picture((50, 50)))))
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


def test_a_caption_keeps_its_labels_bold_drops_other_markup_and_wraps_inside_the_frame() -> None:
    from PIL import Image, ImageChops

    from orcid_guide.engine.animation import CAPTION_FONT_PX, Caption, caption_height, with_caption
    from orcid_guide.engine.page_animation import caption_words

    words = caption_words("Click **Save changes**; see [Register](register.md#x) and `code`.")
    assert words == "Click **Save changes**; see Register and code."
    bold, plain = Caption("Step 4", words), Caption("Step 4", words.replace("**", ""))
    blank = Image.new("RGB", (768, 10), "white")
    height = caption_height(bold, 768)
    assert ImageChops.difference(with_caption(blank, bold, height), with_caption(blank, plain, height)).getbbox()
    long = Caption("Step 1", " ".join(["word"] * 200))
    assert caption_height(long, 768) > 10 * CAPTION_FONT_PX  # wrapped into many lines
    drawn = with_caption(blank, long, caption_height(long, 768))
    assert drawn.size == (768, 10 + caption_height(long, 768))


def test_a_shot_with_its_baselines_pixels_is_kept_in_the_baselines_bytes_and_any_other_is_encoded(
    tmp_path: Path,
) -> None:
    policy = ShotPolicy(baselines=tmp_path / "baselines", work=tmp_path / "work", renderer={})
    baseline = policy.baselines / "tiny" / "01-look.png"
    baseline.parent.mkdir(parents=True)
    out = io.BytesIO()
    Image.open(io.BytesIO(picture((10, 10)))).save(out, format="PNG", compress_level=9)
    baseline.write_bytes(out.getvalue())  # encoded otherwise than this Pillow's default would
    same = Image.open(io.BytesIO(picture((10, 10)))).convert("RGB")
    assert encoded(policy, "tiny", "01-look.png", same) == out.getvalue()
    one_pixel = same.copy()
    one_pixel.putpixel((3, 3), (250, 250, 250))
    assert encoded(policy, "tiny", "01-look.png", one_pixel) == encode(one_pixel)
    assert encoded(policy, "tiny", "02-new.png", same) == encode(same)  # no baseline yet
