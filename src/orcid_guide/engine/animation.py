"""An animated PNG made from a tutorial's screenshots: the short demonstration shown on its pages."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

FRAME_MS = 2200
LAST_FRAME_MS = 4000
SCALE = 0.75  # a demonstration needs less detail than the step screenshots, and loads faster
# Plays this many times and then stays on its last frame: motion that stops by itself (WCAG 2.2.2).
LOOPS = 3


def animate(frames: list[bytes]) -> bytes:
    """An APNG of ``frames`` that plays ``LOOPS`` times; the same frames always give the same bytes."""
    if not frames:
        raise ValueError("an animation needs at least one frame")
    images = []
    for frame in frames:
        image = Image.open(io.BytesIO(frame)).convert("RGB")
        images.append(image.resize((round(image.width * SCALE), round(image.height * SCALE)), Image.Resampling.LANCZOS))
    durations = [FRAME_MS] * (len(images) - 1) + [LAST_FRAME_MS]
    out = io.BytesIO()
    images[0].save(out, format="PNG", save_all=True, append_images=images[1:], duration=durations, loop=LOOPS)
    return out.getvalue()


def write_animation(frames: list[Path], target: Path) -> bool:
    """Write the animation of ``frames`` to ``target`` unless it already holds exactly that; True if written."""
    data = animate([frame.read_bytes() for frame in frames])
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True
