"""MkDocs hook: each language of the site gets its own search index and sitemap, under its own root.

mkdocs-static-i18n writes one search index for all languages (Material loads a single
``search/search_index.json`` from its ``base``), so a search on /nl/ listed English pages too. Material
expects every language to be a site of its own, with its ``base`` at that language's root. So, after the build:
the index is split by language folder (``nl/search/search_index.json`` holds the Dutch pages, with locations
relative to /nl/), every page of a language folder gets that folder as its ``base``, and each language folder
gets a sitemap of its own pages, which Material fetches from each alternate language's root. A language
folder also gets its own 404 page.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def folder_languages(config: MkDocsConfig) -> list[str]:
    """The languages built into a folder of their own (every language but the default, which is the root)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return []
    return [language.locale for language in i18n.config.languages if not language.default and language.build]


def split_search_index(index: dict[str, Any], language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``index`` without the pages under ``language/``, and an index of just those, relative to that folder."""
    prefix = f"{language}/"
    own = [entry for entry in index["docs"] if entry["location"].startswith(prefix)]
    rest = [entry for entry in index["docs"] if not entry["location"].startswith(prefix)]
    moved = [{**entry, "location": entry["location"][len(prefix) :]} for entry in own]
    rest_lang = [lang for lang in index["config"].get("lang", []) if lang != language]
    rest_config = {**index["config"], "lang": rest_lang or ["en"]}
    return {**index, "config": rest_config, "docs": rest}, {
        **index,
        "config": {**index["config"], "lang": [language]},
        "docs": moved,
    }


def sitemap_of_folder(sitemap: str, root: str) -> str:
    """The sitemap with only the pages whose address starts with ``root`` (a language's root URL)."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.fromstring(sitemap)
    for url in list(tree):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "")
        if not loc.startswith(root):
            tree.remove(url)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(tree, encoding="unicode") + "\n"


def page_language(page: Page) -> str:
    return str(getattr(page.file, "locale", "") or "")


def with_language_base(html: str, language: str) -> str:
    """The page with Material's ``base`` moved from the site root to the language's root folder."""

    def rewrite(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        settings["base"] = f"{settings['base'].rstrip('/')}/{language}/"
        return match.group(1) + json.dumps(settings) + match.group(3)

    return _CONFIG_SCRIPT.sub(rewrite, html, count=1)


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    language = page_language(page)
    if language in folder_languages(config):
        return with_language_base(output, language)
    return output


def current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", "") or "")


def on_post_template(output: str, template_name: str, config: MkDocsConfig, **_: Any) -> str:
    """A language folder's 404 page goes into that folder; the site's root keeps the default language's."""
    language = current_language(config)
    if template_name != "404.html" or language not in folder_languages(config):
        return output
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(with_language_base(output, language), encoding="utf-8")
    # MkDocs skips writing a template whose output is empty, so the root's 404.html stays as it is.
    return ""


# After mkdocs-static-i18n (-100), which builds the other languages and then rewrites the joint index.
@event_priority(-110)
def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    # Inside the plugin's build of one language folder, site_dir is that folder and there is no index yet.
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    sitemap_path = site / "sitemap.xml"
    for language in folder_languages(config):
        index, own = split_search_index(index, language)
        folder_index = site / language / "search" / "search_index.json"
        folder_index.parent.mkdir(parents=True, exist_ok=True)
        folder_index.write_text(json.dumps(own, separators=(",", ":")), encoding="utf-8")
        if sitemap_path.is_file() and config.site_url:
            root = config.site_url.rstrip("/") + f"/{language}/"
            sitemap = sitemap_of_folder(sitemap_path.read_text(encoding="utf-8"), root)
            (site / language / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
