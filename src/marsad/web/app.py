"""The ASGI application: API and pages over one store, safe by default (read-only, escaped, bounded)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from marsad import __version__
from marsad.errors import MarsadError
from marsad.store import open_store
from marsad.web import api, pages, upload
from marsad.web.cache import StoreCache
from marsad.web.deps import close_pool
from marsad.web.params import BadRequest
from marsad.web.render import WEB_DATA, render

# No inline script can run even if something slipped through escaping; nothing is loaded from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    allow_ingest: bool = False
    max_upload_bytes: int = 5 * 1024 * 1024


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", status=status, status_code=status, message=message)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(db: str, allow_ingest: bool = False, max_upload_bytes: int = 5 * 1024 * 1024) -> FastAPI:
    """The app over the store at ``db``; writes (the upload form) only with ``allow_ingest``.

    A read-only app checks the store at once, so a missing store or an older schema (which it will not
    upgrade) stops ``marsad serve`` with the reason instead of failing every request.
    """
    if not allow_ingest:
        open_store(db, read_only=True).close()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        close_pool(app)  # PostgreSQL connections end with the server, not when the process is killed

    # No Swagger/ReDoc pages: they load their scripts from a CDN. The OpenAPI description is /openapi.json.
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Events from Arabic news: who did what to whom, when, with the evidence.")
    app.state.settings = Settings(db, allow_ingest, max_upload_bytes)
    app.state.cache = StoreCache()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, error: BadRequest) -> Response:
        return _error(request, 400, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return _error(request, 400, _validation_message(error))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, error: ValueError) -> Response:
        return _error(request, 400, str(error))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail))

    @app.exception_handler(MarsadError)
    async def store_error(request: Request, error: MarsadError) -> Response:
        return _error(request, 503, str(error))

    app.include_router(api.router)
    app.include_router(pages.router)
    if allow_ingest:
        app.include_router(upload.router)
    app.mount("/static", StaticFiles(directory=WEB_DATA / "static"), name="static")
    return app
