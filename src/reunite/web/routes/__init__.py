"""Page routers (one module per area) and the JSON API."""
