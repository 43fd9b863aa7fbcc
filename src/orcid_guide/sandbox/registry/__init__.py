"""A DOI registration agency (Crossref or DataCite) for the sandbox: one app, configured once per registry."""
