"""``marsad serve``: the web interface over a store, on localhost and read-only unless told otherwise."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from marsad.errors import MarsadError
from marsad.store import default_url
from marsad.store.dialect import dialect_for

EXIT_OK = 0


def add_web_command(subparsers: argparse._SubParsersAction) -> None:
    """Add ``serve`` to the main ``marsad`` parser."""
    parser = subparsers.add_parser("serve", help="web interface and JSON API over the store")
    parser.add_argument("--db", metavar="URL",
                        help="a SQLite file or postgresql://... (default: $MARSAD_DB, else ./marsad.db)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--allow-ingest", action="store_true",
                        help="open the store for writing and offer an upload form that ingests files")
    parser.add_argument("--max-upload-mb", type=int, default=5, help="upload size limit with --allow-ingest")
    parser.set_defaults(func=run_serve)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.web import create_app

    url = args.db or default_url()
    path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
    if dialect_for(url).name == "sqlite" and not args.allow_ingest and not path.exists():
        raise MarsadError(f"no store at {url}: run `marsad ingest` first (serve opens it read-only)")
    if not _is_loopback(args.host):
        print(f"marsad: warning: serving on {args.host}: anyone who can reach it can read the store"
              + (" and ingest files" if args.allow_ingest else ""), file=sys.stderr)
    app = create_app(url, allow_ingest=args.allow_ingest, max_upload_bytes=args.max_upload_mb * 1024 * 1024)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return EXIT_OK
