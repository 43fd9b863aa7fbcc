"""LUCRIS's "Export" > "BibTex": research outputs as the records the shared BibTeX writer takes."""

from __future__ import annotations

from collections.abc import Iterable

from orcid_guide.bibtex.lucris_writer import LucrisRecord, Name, write_lucris_bibtex
from orcid_guide.sandbox.lucris.outputs import ResearchOutput

# The mock's research output types and the BibTeX entry types its export gives them.
ENTRY_TYPES = {"article": "article", "book": "book", "chapter": "inbook", "conference": "inproceedings"}
FILE_NAME = "publications.bib"


def lucris_record(output: ResearchOutput) -> LucrisRecord:
    return LucrisRecord(
        uuid=output.uuid,
        entry_type=ENTRY_TYPES[output.type],
        title=output.title,
        authors=tuple(Name(c.last_name, c.first_name) for c in output.contributors if c.role == "author"),
        editors=tuple(Name(c.last_name, c.first_name) for c in output.contributors if c.role == "editor"),
        year=output.year,
        month=output.month,
        day=output.day,
        doi=output.doi or "",
        language=output.language,
        isbn=output.isbn or "",
        publisher=output.publisher or "",
        booktitle=output.host_title or "",
        volume=output.volume or "",
        pages=output.pages or "",
        journal=output.journal or "",
        issn=output.issn or "",
        number=output.number or "",
    )


def export_bibtex(outputs: Iterable[ResearchOutput]) -> str:
    return write_lucris_bibtex(lucris_record(output) for output in outputs)
