"""LaTeX in BibTeX values as the plain Unicode ORCID shows: accents, braces, dashes, math, names in natural order."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import lru_cache

import pylatexenc.latex2text
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec

# Anything pylatexenc would change besides braces: commands, math, ties, dashes and TeX quotes.
_NEEDS_LATEX = re.compile(r"[\\$~]|--|``|''")
# The separator kept (a capture group) so that an "and" inside braces can be put back.
_AND_SEPARATOR = re.compile(r"(\s+and\s+)", re.IGNORECASE)
_PLAIN_NAMES = re.compile(r"[{}\\$~=`]|--|''")
_EXTENDED_NAME = re.compile(r"^\s*(given|family|prefix|suffix|useprefix|id)\s*=", re.IGNORECASE)


def _decoder() -> LatexNodes2Text:
    # bibtexparser's LatexDecodingMiddleware decoder (\url{x} as x, not <x>), with math as text: ORCID shows
    # plain titles, so $\alpha$ should read α.
    context = pylatexenc.latex2text.get_default_latex_context_db()
    context.add_context_category("bibtex-urls", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")])
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="text")


_DECODER = _decoder()

# The accents, letters and escapes that make up nearly all LaTeX in exported titles and names. Decoding these
# with a few substitutions is far cheaper than pylatexenc's full parse, which still handles everything else.
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
_LETTERS = {
    "i": "ı", "j": "ȷ", "o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
}  # fmt: skip
# Text and math symbols that exports write as commands (Zotero: Core\textendash{}Shell, 1.55{$\mu$}m).
_SYMBOLS = {
    "textendash": "\u2013", "textemdash": "\u2014", "slash": "/", "textbackslash": "\\", "textdegree": "\u00b0",
    "texttimes": "\u00d7", "textmu": "\u00b5", "textasciimacron": "\u00af", "textperiodcentered": "\u00b7",
    "textrightarrow": "\u2192", "cdot": "\u00b7", "times": "\u00d7", "pm": "\u00b1", "leq": "\u2264", "geq": "\u2265",
    "langle": "\u27e8", "rangle": "\u27e9", "alpha": "\u03b1", "beta": "\u03b2", "gamma": "\u03b3", "delta": "\u03b4",
    "epsilon": "\u03b5", "lambda": "\u03bb", "mu": "\u03bc", "pi": "\u03c0", "sigma": "\u03c3", "tau": "\u03c4",
    "phi": "\u03c6", "omega": "\u03c9", "Gamma": "\u0393", "Delta": "\u0394", "Omega": "\u03a9",
}  # fmt: skip
_SYMBOL = re.compile(r"\\([A-Za-z]+)(?![A-Za-z])(?:\{\}|\s*)")
_TEXT_COMMAND = re.compile(r"\\(?:textsubscript|textsuperscript|emph|textit|textbf|textrm|mathrm|mbox)\{([^{}\\$]*)\}")
_SYMBOL_ACCENT = re.compile(r"\\(['`^\"~=.])\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij]|[A-Za-z]))")
_LETTER_ACCENT = re.compile(r"\\([uvHckrdb])(?:\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|\s+([A-Za-z]))")
_LETTER = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|[ijoOlL])(?![A-Za-z])\s*(?:\{\})?")
_ESCAPE = re.compile(r"\\([&%$#_{}])")
# A command other than an escape, or math between unescaped dollars.
_UNHANDLED = re.compile(r"\\(?![&%$#_{}])|(?<!\\)\$")
_SIMPLE_MATH = re.compile(r"(?<!\\)\$([^$\\{}^_]*)(?<!\\)\$")
_LEFTOVER_COMMAND = re.compile(r"\\([A-Za-z]+|[^A-Za-z\s\x00\x01])")
_BRACE_MARKS = {"{": "\x00", "}": "\x01"}
_PUNCTUATION = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"), ("~", " "))


def _accented(match: re.Match[str]) -> str:
    base = match.group(2) or match.group(3)
    # An accent on a dotless i (`{\\'\\i}`) is an accented i.
    base = base[1:] if base.startswith("\\") else base
    return unicodedata.normalize("NFC", base + _ACCENTS[match.group(1)])


def _quick_decode(value: str) -> tuple[str, bool]:
    """The common LaTeX decoded, and whether that was all (False: other commands or math are left)."""
    value = _SYMBOL_ACCENT.sub(_accented, value)
    value = _LETTER_ACCENT.sub(_accented, value)
    value = _LETTER.sub(lambda match: _LETTERS[match.group(1)], value)
    value = _TEXT_COMMAND.sub(r"\1", value)
    value = _SYMBOL.sub(lambda match: _SYMBOLS.get(match.group(1), match.group(0)), value)
    # Math that is only symbols and letters now ($\mu$ → $μ$) reads the same without its dollars.
    value = _SIMPLE_MATH.sub(r"\1", value)
    complete = not _UNHANDLED.search(value)
    # Escaped braces are literal braces: kept apart from the grouping braces that to_text removes.
    value = _ESCAPE.sub(lambda match: _BRACE_MARKS.get(match.group(1), match.group(1)), value)
    for latex, text in _PUNCTUATION:
        value = value.replace(latex, text)
    return value, complete


@lru_cache(maxsize=65536)
def to_text(value: str) -> str:
    """``value`` as plain text: `Vall{\\'e}e` → Vallée, `{{DNA}} repair` → DNA repair, spaces collapsed."""
    if _NEEDS_LATEX.search(value):
        quick, complete = _quick_decode(value)
        if not complete:
            # pylatexenc raises many kinds of errors on odd input; the quick decoding is kept then.
            with contextlib.suppress(Exception):
                quick = _DECODER.latex_to_text(value)
        # A command nobody knows, often a slip in the file (\ucius for \u{c}ius), reads better as its letters.
        value = _LEFTOVER_COMMAND.sub(r"\1", quick).replace("{", "").replace("}", "").replace("\xa0", " ")
        value = value.replace(_BRACE_MARKS["{"], "{").replace(_BRACE_MARKS["}"], "}")
    else:
        # Most values only carry braces that protect capitals; removing them is all they need, and is fast.
        value = value.replace("{", "").replace("}", "")
    return " ".join(value.split())


def _top_level_parts(name: str) -> list[str]:
    if "{" not in name:
        return [part.strip() for part in name.split(",")]
    parts, depth, start = [], 0, 0
    for index, char in enumerate(name):
        depth += char == "{"
        depth -= char == "}"
        if char == "," and depth == 0:
            parts.append(name[start:index].strip())
            start = index + 1
    parts.append(name[start:].strip())
    return parts


def _given_first(parts: list[str]) -> str:
    """BibTeX's `von Last, First` and `von Last, Jr, First` (split at top-level commas) as First von Last[, Jr]."""
    if len(parts) == 2 and parts[1].strip():
        return f"{parts[1]} {parts[0]}"
    if len(parts) >= 3 and parts[2].strip():
        return f"{parts[2]} {parts[0]}, {parts[1]}" if parts[1].strip() else f"{parts[2]} {parts[0]}"
    return parts[0]


@lru_cache(maxsize=65536)
def natural_name(name: str) -> str:
    """One BibTeX name as a credit name, given names first, particles kept with the family name.

    `de Vries, Eva` → Eva de Vries; `Van de Graaff, R. J.` → R. J. Van de Graaff;
    `von Last, Jr, First` → First von Last, Jr; biblatex's `family=Adler, given=Alfred` → Alfred Adler.
    ORCID's own import keeps the name as written; credit names on ORCID records read given name first.
    """
    parts = _top_level_parts(name)
    if len(parts) > 1 and all(_EXTENDED_NAME.match(part) for part in parts):
        named = {key.strip().lower(): value.strip() for key, _, value in (part.partition("=") for part in parts)}
        text = " ".join(named[key] for key in ("given", "prefix", "family") if named.get(key))
        text += f", {named['suffix']}" if named.get("suffix") else ""
        return to_text(text)
    return to_text(_given_first(parts))


def _split_at_top_level_and(value: str) -> list[str]:
    """The names in an author field: split at each "and" outside braces (`{Barnes and Noble}` is one name).

    What bibtexparser's split_multiple_persons_names does, with C-level splitting and counting rather than a
    character loop: a large library holds tens of thousands of author fields.
    """
    pieces = _AND_SEPARATOR.split(value)
    if len(pieces) == 1 or "{" not in value:
        return pieces[::2]
    names, current, depth = [], "", 0
    for index, piece in enumerate(pieces):
        if index % 2 and depth == 0:
            names.append(current)
            current = ""
        else:
            current += piece
            depth += piece.count("{") - piece.count("\\{") - piece.count("}") + piece.count("\\}")
    names.append(current)
    return names


def person_names(value: str) -> list[str]:
    """The credit names in an author or editor field, in order, without BibTeX's "others"."""
    value = value.strip()
    # ORCID trims a dangling " and" before splitting; so does this.
    if value.endswith(" and"):
        value = value[:-4]
    if not value:
        return []
    split = _split_at_top_level_and(value)
    if _PLAIN_NAMES.search(value):
        names = [natural_name(name) for name in split if name.strip()]
    else:
        # No braces, LaTeX or key=value names: commas are top-level, so plain string splits give the same
        # names much faster.
        names = [" ".join(_given_first(name.split(",")).split()) for name in split]
    return [name for name in names if name and name.lower() != "others"]
