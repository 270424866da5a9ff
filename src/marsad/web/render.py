"""Templates from the package data, with autoescaping on and helpers that keep links safe."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from marsad.web.charts import TYPE_COLOURS, colour

WEB_DATA = Path(__file__).resolve().parent.parent / "data" / "web"
templates = Jinja2Templates(directory=WEB_DATA / "templates")  # .html: autoescaped


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page: a ``javascript:`` or ``data:`` URL from an article is shown, not linked."""
    return url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


templates.env.filters["safe_url"] = safe_url
templates.env.globals.update(colour=colour, type_colours=TYPE_COLOURS)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    settings = request.app.state.settings
    return templates.TemplateResponse(request, name, {"allow_ingest": settings.allow_ingest, **context},
                                      status_code=status)
