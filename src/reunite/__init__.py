"""Reunite: a private, local-first coach for getting back together the healthy way."""

__version__ = "0.1.0"
