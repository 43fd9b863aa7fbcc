"""The tutorial engine: steps, runner, screenshots and the MkDocs plugin. It knows nothing about ORCID."""
