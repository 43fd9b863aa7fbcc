"""The ORCID emulator: ORCID's screens, flows, API v3.0 and OAuth, in its own styling."""
