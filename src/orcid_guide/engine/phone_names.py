"""What the site calls a step screenshot's phone crop (engine/phone_crop.py): its image class and its folder.

Shared by the expansion, the cropper and the MkDocs plugin, and kept free of Pillow and Playwright so that the plugin
can import it on every build.
"""

from __future__ import annotations

# Marks an image that has a crop for narrow screens.
PHONE_CLASS = "phone-crop"
# The crops' folder, beside the tutorial's screenshots in the built site.
PHONE_FOLDER = "phone"
