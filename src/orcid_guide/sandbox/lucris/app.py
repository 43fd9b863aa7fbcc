"""Mock LUCRIS as a Flask app: Converis's screens for the research profile, ORCID connection and publications."""

from __future__ import annotations

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from orcid_guide.sandbox import frame_protection, static_versions, web_links
from orcid_guide.sandbox.lucris import (
    auth_views,
    database,
    import_views,
    orcid_connection_views,
    profile_views,
    publication_views,
    selection_views,
)
from orcid_guide.sandbox.lucris.settings import LucrisSettings as Settings
from orcid_guide.sandbox.lucris.web_support import check_csrf, close_db, csrf_token, current_person

ERROR_TITLES = {
    400: "Something in the request was not right",
    401: "Please log in",
    403: "Not allowed",
    404: "Page not found",
    405: "Not possible here",
    413: "Too much data",
}


def _error_page(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    title = ERROR_TITLES.get(code, "Something went wrong")
    message = error.description if code in (400, 403, 404) else title + "."
    return render_template("error.html", title=title, message=message), code


def create_app(settings: Settings) -> Flask:
    database.initialize(settings.database)
    app = Flask(__name__)
    app.config.update(
        LUCRIS_SETTINGS=settings,
        SECRET_KEY=settings.secret_key,
        # Both sandbox apps live on 127.0.0.1, where cookies ignore the port: each needs its own name.
        SESSION_COOKIE_NAME="lucris_session",
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    )
    app.before_request(check_csrf)
    app.teardown_appcontext(close_db)
    app.jinja_env.globals.update(csrf_token=csrf_token)
    web_links.install(app)
    frame_protection.install(app)
    static_versions.install(app)

    @app.context_processor
    def _page_context() -> dict[str, object]:
        return {"me": current_person()}

    for code in ERROR_TITLES:
        app.register_error_handler(code, _error_page)
    for module in (
        auth_views,
        profile_views,
        orcid_connection_views,
        publication_views,
        selection_views,
        import_views,
    ):
        app.register_blueprint(module.blueprint)
    return app
