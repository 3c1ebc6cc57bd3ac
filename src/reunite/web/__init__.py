"""The web face of Reunite: server-rendered pages and a JSON API over the services facade."""

from reunite.web.app import create_app

__all__ = ["create_app"]
