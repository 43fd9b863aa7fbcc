"""Placeholder until the app lands."""

from __future__ import annotations

from flask import Flask

from orcid_guide.sandbox.orcid.settings import OrcidSettings as Settings


def create_app(settings: Settings) -> Flask:
    app = Flask(__name__)
    app.config["SETTINGS"] = settings
    return app
