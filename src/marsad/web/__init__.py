"""``marsad serve``: a read-only web interface (JSON API and pages) over the event store."""

from marsad.web.app import create_app

__all__ = ["create_app"]
