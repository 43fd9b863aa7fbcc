"""A DOI registry (Crossref or DataCite) as a Flask app: its Search & Link pages and its deposit endpoint."""

from __future__ import annotations

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from orcid_guide.sandbox import frame_protection, static_versions, web_links
from orcid_guide.sandbox.registry import store, views
from orcid_guide.sandbox.registry.settings import RegistrySettings
from orcid_guide.sandbox.registry.web import check_csrf, close_db, csrf_token, settings


def _error_page(error: HTTPException) -> tuple[str, int] | Response:
    status = error.code or 500
    if request.path.startswith("/deposits"):
        return views.json_answer({"error": error.description or error.name}, status)
    return render_template("registry_error.html", message=error.description or error.name), status


def create_app(config: RegistrySettings) -> Flask:
    store.initialize(config.database, config.kind)
    app = Flask(__name__)
    app.config.update(
        REGISTRY_SETTINGS=config,
        SECRET_KEY=config.secret_key,
        # All sandbox apps live on 127.0.0.1, where cookies ignore the port: each needs its own name.
        SESSION_COOKIE_NAME=f"{config.kind}_session",
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        MAX_CONTENT_LENGTH=256 * 1024,
    )
    app.before_request(check_csrf)
    app.teardown_appcontext(close_db)
    app.jinja_env.globals.update(csrf_token=csrf_token, registry=settings)
    web_links.install(app)
    frame_protection.install(app)
    static_versions.install(app)
    app.register_error_handler(HTTPException, _error_page)
    app.register_blueprint(views.blueprint)
    return app
