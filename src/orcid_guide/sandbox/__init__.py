"""The embedded sandbox: the ORCID emulator and mock LUCRIS, and the launcher that runs them."""
