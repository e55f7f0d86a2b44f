"""``lawcheck serve``: a local web application for program managers (SPEC §8, issue 17).

Server-rendered pages from Jinja2 templates (lawcheck/report/templates), over the same
:mod:`lawcheck.api` functions the command line calls: no legal logic lives here. Starlette and
uvicorn are imported only when the server starts, so ``lawcheck --help`` stays light.
"""

from lawcheck.web.app import create_app

__all__ = ["create_app"]
