"""``--allow-ingest`` only: a small upload form that runs the store's own ingest pipeline on one file."""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse

from marsad import __version__
from marsad.ingest.readers import READERS, iter_documents
from marsad.store.pipeline import AnalyzerLike, Settings, ingest
from marsad.web.deps import opened
from marsad.web.params import BadRequest
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
_SAFE_NAME = re.compile(r"[^\w.-]+")
_analyzer_lock = threading.Lock()
_CHUNK = 64 * 1024


def _analyzer(request: Request) -> AnalyzerLike:
    """Loaded on the first upload, then kept: loading takes seconds, analyzing a document milliseconds."""
    with _analyzer_lock:
        if getattr(request.app.state, "analyzer", None) is None:
            from marsad.analyzer import Analyzer

            request.app.state.analyzer = Analyzer.load()
        return request.app.state.analyzer


def _same_origin(request: Request) -> None:
    """Refuse cross-site form posts: another web page must not make a local server ingest."""
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        raise BadRequest("upload refused: the form must be sent from this server's own page")


@router.get("/ingest", response_class=HTMLResponse)
def form(request: Request) -> HTMLResponse:
    return render(request, "ingest.html", suffixes=sorted(READERS),
                  max_mb=request.app.state.settings.max_upload_bytes // (1024 * 1024))


@router.post("/ingest", response_class=HTMLResponse)
def upload(request: Request, file: Annotated[UploadFile, File()]) -> HTMLResponse:
    _same_origin(request)
    limit = request.app.state.settings.max_upload_bytes
    name = _SAFE_NAME.sub("_", Path(file.filename or "upload.txt").name)[-100:] or "upload.txt"
    if not any(name.lower().endswith(suffix) for suffix in READERS):
        raise BadRequest(f"file type not read by marsad ingest: {name} (use {', '.join(sorted(READERS))})")
    body = bytearray()
    while chunk := file.file.read(_CHUNK):
        body += chunk
        if len(body) > limit:
            raise BadRequest(f"file larger than the upload limit of {limit // (1024 * 1024)} MB")
    with tempfile.TemporaryDirectory(prefix="marsad-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(bytes(body))
        with opened(request) as db:
            counts = ingest(db, iter_documents([path]), _analyzer(request), Settings(__version__))
    return render(request, "ingest.html", suffixes=sorted(READERS), counts=counts,
                  max_mb=limit // (1024 * 1024))
