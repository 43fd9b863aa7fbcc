"""BibTeX reading, mapping and writing with bibtexparser, and duplicate matching, shared by the sandbox apps."""
