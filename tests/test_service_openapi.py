"""sweep30 S16: `GET /openapi.json` (and `/docs`, which reads it) answered HTTP 500 with a traceback in the server's
log, for anyone: the warm-up route's OpenAPI entry (its docstring, YAML) had `200:`, an integer key the server's
JSON encoder refuses. A real `langgraph dev` (evals.langgraph_dev), fetched over HTTP as a client does."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from evals.langgraph_dev import TEST_TOKEN, langgraph_dev


def test_the_servers_openapi_spec_is_served_with_the_warm_up_route(tmp_path: Path) -> None:
    with langgraph_dev({"INTERVIEWER_DATA_DIR": str(tmp_path / "data")}) as url:
        signed = urllib.request.Request(f"{url}/openapi.json", headers={"Authorization": f"Bearer {TEST_TOKEN}"})
        reply = urllib.request.urlopen(signed, timeout=60)  # raises HTTPError on a 500 (a 401 without the token)
        with reply:
            assert reply.status == 200
            spec = json.loads(reply.read())
    warm_up = spec["paths"]["/interviewer/warm-up"]["get"]
    assert "200" in warm_up["responses"], warm_up
