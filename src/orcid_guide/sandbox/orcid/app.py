"""The ORCID emulator's Flask app: database set-up, sessions, CSRF, and the screen blueprints."""

from __future__ import annotations

from functools import partial

from flask import Flask, Response, g, render_template, request, session
from werkzeug.exceptions import HTTPException

from orcid_guide.sandbox import frame_protection, static_versions, web_links
from orcid_guide.sandbox.connection_pool import ConnectionPool
from orcid_guide.sandbox.orcid import csrf
from orcid_guide.sandbox.orcid.accounts import find_by_orcid
from orcid_guide.sandbox.orcid.client_registry import register_clients
from orcid_guide.sandbox.orcid.database import close_request_db, connect, create_schema, millis
from orcid_guide.sandbox.orcid.demo_clients import demo_clients
from orcid_guide.sandbox.orcid.demo_data import DEMO_ACCOUNTS, seed_demo_data
from orcid_guide.sandbox.orcid.request_context import POOL_KEY, SETTINGS_KEY, db
from orcid_guide.sandbox.orcid.settings import OrcidSettings
from orcid_guide.sandbox.orcid.signin_state import SESSION_KEY, current_user
from orcid_guide.sandbox.orcid.views_api import blueprint as api_blueprint
from orcid_guide.sandbox.orcid.views_api import http_error_json
from orcid_guide.sandbox.orcid.views_api_record import blueprint as api_record_blueprint
from orcid_guide.sandbox.orcid.views_bibtex import blueprint as bibtex_blueprint
from orcid_guide.sandbox.orcid.views_demo_clients import blueprint as demo_clients_blueprint
from orcid_guide.sandbox.orcid.views_inbox import blueprint as inbox_blueprint
from orcid_guide.sandbox.orcid.views_oauth import blueprint as oauth_blueprint
from orcid_guide.sandbox.orcid.views_oauth import oauth_error
from orcid_guide.sandbox.orcid.views_record import OrcidIdConverter
from orcid_guide.sandbox.orcid.views_record import blueprint as record_blueprint
from orcid_guide.sandbox.orcid.views_register import blueprint as register_blueprint
from orcid_guide.sandbox.orcid.views_signin import blueprint as signin_blueprint
from orcid_guide.sandbox.orcid.views_trusted import blueprint as trusted_blueprint
from orcid_guide.sandbox.orcid.views_work_visibility import blueprint as visibility_blueprint
from orcid_guide.sandbox.whole_numbers import PutCodeConverter

SESSION_COOKIE = "orcid_session"

# Re-exported for `orcid-guide sandbox`, which prints the demo logins and the API clients.
__all__ = ["DEMO_ACCOUNTS", "create_app", "demo_clients"]

# Programs, not browsers, call these: their errors are JSON, never an HTML page.
_OAUTH_JSON_PATHS = ("/oauth/token", "/oauth/revoke")


def prepare_database(settings: OrcidSettings) -> None:
    """Create the schema, register the launcher's clients and seed the demo people (idempotent)."""
    create_schema(settings.database)
    connection = connect(settings.database)
    try:
        now = millis(settings.clock())
        register_clients(connection, demo_clients(settings), now_ms=now)
        seed_demo_data(connection, now_ms=now)
    finally:
        connection.close()


def _load_user() -> None:
    orcid = session.get(SESSION_KEY)
    g.user = find_by_orcid(db(), orcid) if isinstance(orcid, str) else None


def _error_page(error: HTTPException) -> tuple[str, int] | Response:
    if request.path.startswith("/v3.0/"):
        return http_error_json(error)
    if request.path in _OAUTH_JSON_PATHS:
        return oauth_error("invalid_request", error.description or error.name, error.code or 400)
    return render_template("error.html", error=error), error.code or 500


def create_app(settings: OrcidSettings) -> Flask:
    prepare_database(settings)
    app = Flask(__name__)
    app.config.update(
        {
            SETTINGS_KEY: settings,
            "SECRET_KEY": settings.secret_key,
            # Both sandbox apps live on 127.0.0.1, where browsers share cookies across ports.
            "SESSION_COOKIE_NAME": SESSION_COOKIE,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_HTTPONLY": True,
            # Bodies larger than this are refused with 413 before they are read: a BibTeX upload as large as a
            # 7000-entry library (3 MB) fits, and so does a bulk of 100 works many times over.
            "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
        }
    )
    app.extensions[POOL_KEY] = ConnectionPool(partial(connect, settings.database))
    app.url_map.converters["orcid"] = OrcidIdConverter
    app.url_map.converters["put_code"] = PutCodeConverter
    web_links.install(app)
    app.before_request(csrf.check_request)
    app.before_request(_load_user)
    frame_protection.install(app)
    static_versions.install(app)
    app.teardown_appcontext(close_request_db)
    app.register_error_handler(HTTPException, _error_page)
    app.jinja_env.globals.update(csrf_token=csrf.token, current_user=current_user, settings=settings)
    app.register_blueprint(register_blueprint)
    app.register_blueprint(signin_blueprint)
    app.register_blueprint(record_blueprint)
    app.register_blueprint(bibtex_blueprint)
    app.register_blueprint(visibility_blueprint)
    app.register_blueprint(trusted_blueprint)
    app.register_blueprint(oauth_blueprint)
    app.register_blueprint(api_blueprint)
    app.register_blueprint(api_record_blueprint)
    app.register_blueprint(demo_clients_blueprint)
    app.register_blueprint(inbox_blueprint)
    return app


def close_connections(app: Flask) -> None:
    """Close the database connections the app keeps between requests (call it once its server has stopped)."""
    pool: ConnectionPool = app.extensions[POOL_KEY]
    pool.close()
