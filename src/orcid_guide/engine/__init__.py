"""The tutorial engine: steps, runner, screenshots and the MkDocs hook. It knows nothing about ORCID."""
