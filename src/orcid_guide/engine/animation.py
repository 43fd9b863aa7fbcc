"""An animated PNG made from a tutorial's screenshots: the short demonstration shown on its pages.

On a page each frame carries its step's number and words in the page's language, drawn in a strip under the
screenshot: the animation is read on a phone too, where its screens are small, and a caption outside the image
cannot follow the frames. The strip's type is large enough to read at 390 px (see ``CAPTION_FONT_PX``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from orcid_guide.errors import UserError

FRAME_MS = 2200
LAST_FRAME_MS = 4000
SCALE = 0.75  # a demonstration needs less detail than the step screenshots, and loads faster
# Plays this many times and then stays on its last frame: motion that stops by itself (WCAG 2.2.2).
LOOPS = 3
# Type size of the caption in the frame's pixels. A 768 px frame shown 358 px wide (a 390 px phone less the page's
# margins) scales it by 0.47: 28 px becomes 13 px, the size of the page's own small print.
CAPTION_FONT_PX = 28
CAPTION_PADDING = 16
CAPTION_LINE_GAP = 6
CAPTION_BACKGROUND = (33, 33, 33)
CAPTION_TEXT = (255, 255, 255)
CAPTION_NUMBER = (166, 206, 57)  # ORCID's green, for the step number
# Fonts of the pinned renderer (fonts-dejavu-core); Pillow finds them among the system's fonts by file name.
REGULAR_FONT = "DejaVuSans.ttf"
BOLD_FONT = "DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class Caption:
    """What a frame says under its screenshot: "Step 3" and the step's words, with its on-screen labels between
    ``**`` (drawn in bold, as the page shows them) and no other markup."""

    number: str
    words: str


# A word as drawn: its pieces, each with whether it is bold ("**Settings**," is a bold piece and a plain comma).
Word = tuple[tuple[str, bool], ...]
Fonts = tuple[ImageFont.FreeTypeFont, ImageFont.FreeTypeFont]  # regular, bold


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(name, size)
    except OSError as error:
        raise UserError(
            f"The font {name} for the animation's captions is not installed (Debian: fonts-dejavu-core)."
        ) from error


def _fonts() -> Fonts:
    return _font(REGULAR_FONT, CAPTION_FONT_PX), _font(BOLD_FONT, CAPTION_FONT_PX)


def _words(text: str) -> list[Word]:
    """The words between spaces; between the n-th and the next "**" the text is bold when n is odd."""
    words: list[list[tuple[str, bool]]] = []
    glued = False  # whether the next piece continues the last word (no space between them)
    for index, part in enumerate(text.split("**")):
        for number, piece in enumerate(part.split()):
            if number == 0 and glued and not part[:1].isspace():
                words[-1].append((piece, index % 2 == 1))
            else:
                words.append([(piece, index % 2 == 1)])
        if part:
            glued = bool(words) and not part[-1].isspace()
    return [tuple(word) for word in words]


def _word_width(word: Word, fonts: Fonts) -> float:
    regular, bold = fonts
    return sum((bold if strong else regular).getlength(piece) for piece, strong in word)


def _width(line: list[Word], fonts: Fonts) -> float:
    return sum(_word_width(word, fonts) for word in line) + fonts[0].getlength(" ") * (len(line) - 1)


def _lines(caption: Caption, width: float) -> tuple[float, list[list[Word]]]:
    """The step number's width and the words broken into lines no wider than ``width`` (the first line starts
    after the number)."""
    fonts = _fonts()
    lead = fonts[1].getlength(caption.number + " ")
    lines: list[list[Word]] = [[]]
    for word in _words(caption.words):
        room = width - (lead if len(lines) == 1 else 0)
        if lines[-1] and _width([*lines[-1], word], fonts) > room:
            lines.append([word])
        else:
            lines[-1].append(word)
    return lead, lines


def caption_height(caption: Caption, width: int) -> int:
    _, lines = _lines(caption, width - 2 * CAPTION_PADDING)
    return 2 * CAPTION_PADDING + len(lines) * (CAPTION_FONT_PX + CAPTION_LINE_GAP)


def with_caption(image: Image.Image, caption: Caption, strip_height: int) -> Image.Image:
    """``image`` over a dark strip ``strip_height`` high holding the caption, in large white type."""
    lead, lines = _lines(caption, image.width - 2 * CAPTION_PADDING)
    framed = Image.new("RGB", (image.width, image.height + strip_height), CAPTION_BACKGROUND)
    framed.paste(image, (0, 0))
    draw = ImageDraw.Draw(framed)
    regular, bold = _fonts()
    top = image.height + CAPTION_PADDING
    draw.text((CAPTION_PADDING, top), caption.number, font=bold, fill=CAPTION_NUMBER)
    space = regular.getlength(" ")
    for index, line in enumerate(lines):
        left = CAPTION_PADDING + (lead if index == 0 else 0)
        y = top + index * (CAPTION_FONT_PX + CAPTION_LINE_GAP)
        for word in line:
            for piece, strong in word:
                font = bold if strong else regular
                draw.text((left, y), piece, font=font, fill=CAPTION_TEXT)
                left += font.getlength(piece)
            left += space
    return framed


def animate(frames: list[bytes], captions: list[Caption] | None = None) -> bytes:
    """An APNG of ``frames`` that plays ``LOOPS`` times; the same frames always give the same bytes.

    With ``captions`` (one per frame) every frame gets its caption strip, all strips as high as the highest, so
    that the frames keep one size.
    """
    if not frames:
        raise ValueError("an animation needs at least one frame")
    if captions is not None and len(captions) != len(frames):
        raise ValueError(f"{len(frames)} frames but {len(captions)} captions")
    images = []
    for frame in frames:
        image = Image.open(io.BytesIO(frame)).convert("RGB")
        images.append(image.resize((round(image.width * SCALE), round(image.height * SCALE)), Image.Resampling.LANCZOS))
    if captions is not None:
        strip = max(caption_height(caption, image.width) for caption, image in zip(captions, images, strict=True))
        images = [with_caption(image, caption, strip) for image, caption in zip(images, captions, strict=True)]
    durations = [FRAME_MS] * (len(images) - 1) + [LAST_FRAME_MS]
    out = io.BytesIO()
    images[0].save(out, format="PNG", save_all=True, append_images=images[1:], duration=durations, loop=LOOPS)
    return out.getvalue()
