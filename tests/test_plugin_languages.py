"""The orcid-guide plugin builds a guide in whatever languages the site has: here German and French, which neither
the engine nor the plugin knows, from the i18n plugin's configuration, a tutorial written in them and the site's
words file. Each build is ``mkdocs build --strict`` in a new process, as a user runs it.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from PIL import Image

TUTORIAL = """
from orcid_guide.engine.steps import Step, Tutorial


def form(page, env):
    return page.get_by_role("form")


def send(page, env):
    return page.get_by_role("button", name="Send")


TUTORIAL = Tutorial(
    name="join",
    steps=(
        Step("open", de="Öffnen Sie das Formular **Join**.", fr="Ouvrez le formulaire **Join**.", target=form),
        Step("send", de="Klicken Sie auf **Send**.", fr="Cliquez sur **Send**.", target=send),
    ),
    animation=True,
)
"""
CONFIG = """
site_name: Beitreten
theme:
  name: mkdocs
markdown_extensions: [attr_list, admonition, pymdownx.details]
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: de
          default: true
          name: Deutsch
          build: true
        - locale: fr
          name: Français
          build: true
  - orcid-guide:
      phone_width: 480
"""
WORDS = {
    "de": {
        "screenshot": "Bildschirmfoto",
        "step": "Schritt {number}",
        "step_title": "Schritt {number}",
        "showing": "ein Bildschirm mit {labels}",
        "and": " und ",
        "marked": "das zu benutzende Element markiert",
        "shown_marked": "worum es geht markiert",
        "optional": "Optional: {heading}",
        "animation_alt": "Animation: die {count} Schritte oben, nacheinander",
        "animation_summary": "Die Animation der {count} Schritte oben zeigen",
        "animation_open": "Die Animation in voller Größe öffnen",
        "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),  # noqa: SIM905
        "passed": "Diese Schritte liefen zuletzt am {when} fehlerfrei, auf {target}, in {chromium}{skipped}.",
        "failed": "Diese Schritte scheiterten zuletzt am {when}, auf {target}, in {chromium}{where}.",
        "at_step": " (bei Schritt {number})",
        "skipped": "; {count} Schritte laufen dort nicht",
        "never": "Noch ist kein Lauf dieser Schritte verzeichnet.",
        "headers": ["Schritte", "Letzter Lauf", "Auf", "Browser", "Ergebnis"],
        "verdicts": ["gelungen", "gescheitert", "noch nicht gelaufen"],
    },
    "fr": {
        "screenshot": "Capture d’écran",
        "step": "étape {number}",
        "step_title": "Étape {number}",
        "showing": "un écran avec {labels}",
        "and": " et ",
        "marked": "l’élément à utiliser marqué",
        "shown_marked": "ce dont il s’agit marqué",
        "optional": "Facultatif : {heading}",
        "animation_alt": "Animation : les {count} étapes ci-dessus, l’une après l’autre",
        "animation_summary": "Afficher l’animation des {count} étapes ci-dessus",
        "animation_open": "Ouvrir l’animation en taille réelle",
        "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),  # noqa: SIM905
        "passed": "Ces étapes ont réussi pour la dernière fois le {when}, sur {target}, dans {chromium}{skipped}.",
        "failed": "Ces étapes ont échoué le {when}, sur {target}, dans {chromium}{where}.",
        "at_step": " (à l’étape {number})",
        "skipped": "; {count} étapes ne peuvent pas y être exécutées",
        "never": "Aucune exécution de ces étapes n’est encore enregistrée.",
        "headers": ["Étapes", "Dernière exécution", "Sur", "Navigateur", "Résultat"],
        "verdicts": ["réussi", "échoué", "pas encore exécuté"],
    },
}
SHOTS = "docs/assets/screenshots/join"
# Where each step's subject is on its screenshot (CSS pixels), as a run records it in shots.json.
BOXES = {"01-open.png": [300, 120, 400, 260], "02-send.png": [620, 520, 120, 36]}


def toml(words: Mapping[str, Mapping[str, object]]) -> str:
    lines = []
    for language, table in words.items():
        lines.append(f"[{language}]")
        lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in table.items()]
    return "\n".join(lines) + "\n"


def screenshot(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1024, 700), (shade, shade, 245)).save(out, format="PNG")
    return out.getvalue()


def guide(root: Path, config: str = CONFIG, words: Mapping[str, Mapping[str, object]] = WORDS) -> Path:
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "words.toml").write_text(toml(words), encoding="utf-8")
    (root / "tutorials").mkdir()
    (root / "tutorials" / "join.py").write_text(TUTORIAL, encoding="utf-8")
    for language, title in (("de", "Beitreten"), ("fr", "Adhérer")):
        (root / "docs" / language).mkdir(parents=True)
        page = f"# {title}\n\n<!-- tutorial: join -->\n\n<!-- animation: join -->\n"
        (root / "docs" / language / "index.md").write_text(page, encoding="utf-8")
    (root / SHOTS).mkdir(parents=True)
    shots = {}
    for shade, (name, box) in enumerate(BOXES.items()):
        (root / SHOTS / name).write_bytes(screenshot(200 + 20 * shade))
        shots[name] = {"target": box, "labels": {"Join" if shade == 0 else "Send": [box]}}
    (root / SHOTS / "shots.json").write_text(json.dumps({"renderer": None, "shots": shots}), encoding="utf-8")
    return root


def build(root: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]
    return subprocess.run([*command, "-d", str(root / "site")], capture_output=True, text=True, cwd=root)


def test_a_guide_in_german_and_french_is_built_in_both(tmp_path: Path) -> None:
    root = guide(tmp_path)
    result = build(root)
    assert result.returncode == 0, result.stderr
    german = (root / "site" / "index.html").read_text(encoding="utf-8")
    french = (root / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert "Öffnen Sie das Formular <strong>Join</strong>." in german
    assert "Ouvrez le formulaire <strong>Join</strong>." in french
    assert 'alt="Bildschirmfoto: Schritt 2, ein Bildschirm mit “Send”, das zu benutzende Element markiert"' in german
    assert 'alt="Capture d’écran: étape 2, un écran avec “Send”, l’élément à utiliser marqué"' in french
    assert 'data-title="Étape 1"' in french
    assert "Noch ist kein Lauf dieser Schritte verzeichnet." in german
    assert "Aucune exécution de ces étapes n’est encore enregistrée." in french
    assert "Die Animation der 2 Schritte oben zeigen" in german
    assert "Afficher l’animation des 2 étapes ci-dessus" in french
    # The phone crops, for the width the plugin was configured with.
    assert re.search(r'<source media="\(max-width: 480px\)" srcset="[^"]*/join/phone/02-send.png"', french)
    built = root / "site" / "assets" / "screenshots" / "join"
    assert (built / "phone" / "02-send.png").is_file()
    assert 'src="assets/screenshots/join/animation-de.png"' in german
    assert 'src="../assets/screenshots/join/animation-fr.png"' in french
    # Each language's animation has its own captions.
    assert (built / "animation-de.png").read_bytes() != (built / "animation-fr.png").read_bytes()


def test_a_site_language_the_words_file_does_not_have_stops_the_build(tmp_path: Path) -> None:
    root = guide(tmp_path, words={"de": WORDS["de"]})
    result = build(root)
    assert result.returncode != 0
    assert "words.toml has no words in the site's language 'fr' (a table [fr])." in result.stderr


def test_without_the_i18n_plugin_the_guide_is_in_the_theme_language(tmp_path: Path) -> None:
    config = "site_name: Adhérer\ntheme:\n  name: mkdocs\n  locale: fr\nmarkdown_extensions: [attr_list]\nplugins:\n"
    root = guide(tmp_path, config=config + "  - orcid-guide\n", words={"fr": WORDS["fr"]})
    (root / "docs" / "index.md").write_text("# Adhérer\n\n<!-- tutorial: join -->\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'alt="Capture d’écran: étape 1, un écran avec “Join”, l’élément à utiliser marqué"' in page
