"""Reading a .bib file's bytes into entries with bibtexparser v2: encodings, @string macros, `#`, bad blocks.

bibtexparser splits the file into blocks; this module resolves the field values itself (macros, `#`
concatenation, delimiters) because bibtexparser 2.1's ResolveStringReferencesMiddleware resolves a field only
when it is exactly one macro name, so `title = cool # " " # stuff` would reach ORCID as written. Doing it here
in one pass also replaces the default parse stack, so reading a file costs one split, not a split plus two
middleware passes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bibtexparser.entrypoint import parse_string
from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
    String,
)

# The twelve macros every BibTeX style defines.
MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}

# An encoding named in the file's first lines: Emacs' "-*- coding: latin-9 -*-" or JabRef's "% Encoding: UTF8".
_DECLARED_ENCODING = re.compile(rb"(?:coding[:=]|%\s*encoding:)\s*([A-Za-z0-9_.-]+)", re.IGNORECASE)
_ENTRY_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^\s,={}()]+)\s*,")


class UnreadableEncoding(ValueError):
    """The file names an encoding Python does not know; the message says which."""


@dataclass(frozen=True)
class BibEntry:
    """One entry, its field names lower-cased and its values resolved but still in LaTeX."""

    key: str
    type: str
    fields: dict[str, str]
    raw: str
    line: int
    # What the reader had to decide for this entry, e.g. a key the file uses twice.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BibProblem:
    """A block that could not be read: where it starts, its key if one can be seen, and why."""

    line: int
    key: str
    reason: str

    def __str__(self) -> str:
        name = f"the entry {self.key}" if self.key else "an entry"
        return f"Line {self.line}: {name} cannot be read: {self.reason}"


@dataclass(frozen=True)
class BibFile:
    entries: list[BibEntry]
    problems: list[BibProblem]
    encoding: str


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read with: UTF-8, else the declared one, else Windows-1252/Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_ENCODING.search(data[:1000])
    if declared is not None:
        # Emacs appends the line-ending convention: latin-9-unix.
        name = re.sub(r"-(unix|dos|mac)$", "", declared.group(1).decode("ascii"))
        try:
            codec = codecs.lookup(name.replace("-", "") if name.lower().startswith("latin") else name)
        except LookupError as error:
            raise UnreadableEncoding(
                f"The file says it is encoded as {name}, which is not an encoding this importer knows; "
                "save it as UTF-8 and try again."
            ) from error
        try:
            return data.decode(codec.name), codec.name.upper()
        except UnicodeDecodeError:
            pass
    try:
        # Windows exports (EndNote, older JabRef) that are not UTF-8 are nearly always Windows-1252.
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1"


def _split_concatenation(value: str) -> list[str]:
    """The parts of `a # "b" # {c}` at the top level (outside quotes and braces)."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(value[start:index].strip())
            start = index + 1
    parts.append(value[start:].strip())
    return parts


def _one_group(value: str, opening: str, closing: str) -> bool:
    """Whether ``value`` is a single {…} or "…" group, not e.g. `{a} # {b}`."""
    if len(value) < 2 or value[0] != opening or value[-1] != closing:
        return False
    if opening == '"':
        return _split_concatenation(value) == [value]
    depth = 0
    for index, char in enumerate(value):
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and index < len(value) - 1:
            return False
    return True


# Bounds on what macros and `#` may build, so a small file cannot make a huge one (doubling `@string`s reach
# billions of characters in a kilobyte). A field is far longer than any real abstract at this length; the
# budget is for everything the file resolves to, a few times the largest real library.
MAX_FIELD_CHARS = 100_000
MAX_RESOLVED_CHARS = 20_000_000


class TooLong(ValueError):
    """A value that expands past the bounds; the message is the reason shown for the entry."""


class _Budget:
    """What is left of MAX_RESOLVED_CHARS for this file, and the macros that went past the bounds."""

    def __init__(self) -> None:
        self.left = MAX_RESOLVED_CHARS
        self.too_long: set[str] = set()

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise TooLong(f"the file's macros and fields expand to more than {MAX_RESOLVED_CHARS:,} characters")


def resolve(value: str, macros: dict[str, str], budget: _Budget | None = None) -> str:
    """A raw field value as BibTeX reads it: delimiters removed, macros (case-insensitive) and `#` resolved.
    Raises TooLong past MAX_FIELD_CHARS (or the file's budget), before building the text."""
    value = value.strip()
    # Nearly every value is one braced or quoted group; without a # it cannot be anything else.
    if "#" not in value and len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"')):
        return _bounded(value[1:-1], budget)
    pieces = []
    size = 0
    for part in _split_concatenation(value):
        if _one_group(part, "{", "}") or _one_group(part, '"', '"'):
            piece = part[1:-1]
        else:
            if budget is not None and part.lower() in budget.too_long:
                raise TooLong(f"the macro {part} expands past {MAX_FIELD_CHARS:,} characters")
            # A number stands for itself; an unknown macro is kept as written, as BibTeX warns and goes on.
            piece = macros.get(part.lower(), part)
        size += len(piece)
        if size > MAX_FIELD_CHARS:
            raise TooLong(f"a value expands past {MAX_FIELD_CHARS:,} characters")
        pieces.append(piece)
    return _bounded("".join(pieces), budget)


def _bounded(text: str, budget: _Budget | None) -> str:
    if len(text) > MAX_FIELD_CHARS:
        raise TooLong(f"a value expands past {MAX_FIELD_CHARS:,} characters")
    if budget is not None:
        budget.spend(len(text))
    return text


def _failed_reason(block: ParsingFailedBlock) -> str:
    error = block.error
    if isinstance(error, BlockAbortedException):
        return error.abort_reason.rstrip(".") + "."
    return str(error) or type(error).__name__


def _problem(block: ParsingFailedBlock) -> BibProblem:
    found = _ENTRY_KEY.search(block.raw or "")
    # bibtexparser counts lines from 0; editors and readers count from 1.
    line = (block.start_line or 0) + 1
    return BibProblem(line, found.group(1) if found else "", _failed_reason(block))


def _entry(entry: Entry, macros: dict[str, str], budget: _Budget, notes: tuple[str, ...] = ()) -> BibEntry | BibProblem:
    fields: dict[str, str] = {}
    repeated: set[str] = set()
    for field in entry.fields:
        # Field names are case-insensitive; a name given twice keeps its last value, as ORCID's parser does.
        name = field.key.lower()
        if name in fields:
            repeated.add(name)
        try:
            fields[name] = resolve(str(field.value), macros, budget)
        except TooLong as error:
            return BibProblem((entry.start_line or 0) + 1, entry.key, f"the field {name}: {error}.")
    if repeated:
        notes += (f"The field {', '.join(sorted(repeated))} is given more than once; the last value is used.",)
    return BibEntry(entry.key, entry.entry_type.lower(), fields, entry.raw or "", (entry.start_line or 0) + 1, notes)


def _define(macros: dict[str, str], budget: _Budget, key: str, value: str) -> None:
    # Later definitions win and may use earlier ones, as in BibTeX. One past the bounds is remembered as such,
    # so the entries that use it are refused instead of the file.
    name = key.lower()
    try:
        macros[name] = resolve(value, macros, budget)
        budget.too_long.discard(name)
    except TooLong:
        macros.pop(name, None)
        budget.too_long.add(name)


def read_text(text: str, encoding: str = "UTF-8") -> BibFile:
    """Every entry of a BibTeX text in file order, and the blocks that could not be read (entries past the
    expansion bounds among them)."""
    library = parse_string(text, parse_stack=[])
    macros = dict(MONTH_MACROS)
    budget = _Budget()
    entries: list[BibEntry] = []
    problems: list[BibProblem] = []
    for block in library.blocks:
        read: BibEntry | BibProblem | None = None
        if isinstance(block, String):
            _define(macros, budget, block.key, str(block.value))
        elif isinstance(block, Entry):
            read = _entry(block, macros, budget)
        elif isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, String):
            _define(macros, budget, block.key, str(block.ignore_error_block.value))
        elif isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, Entry):
            # Exports often repeat a key (Mendeley, Better BibTeX): the entry is still a publication.
            note = f"The key {block.key} is used by an earlier entry too."
            read = _entry(block.ignore_error_block, macros, budget, (note,))
        elif isinstance(block, DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, Entry):
            read = _entry(block.ignore_error_block, macros, budget)
        elif isinstance(block, ParsingFailedBlock):
            problems.append(_problem(block))
        if isinstance(read, BibEntry):
            entries.append(read)
        elif isinstance(read, BibProblem):
            problems.append(read)
    return BibFile(entries, problems, encoding)


def read_bytes(data: bytes) -> BibFile:
    """Read an uploaded .bib file; raises UnreadableEncoding only for a declared encoding Python lacks."""
    text, encoding = decode(data)
    return read_text(text, encoding)
