"""``lawcheck serve``: the local web application (SPEC §8). Starlette and uvicorn are imported
only here, when the server starts."""

from __future__ import annotations

import click

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this computer (127.0.0.1) lets other "
                   "computers on the network use lawcheck and read its reports.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--keep-text", is_flag=True,
              help="Keep the words of checked plans and statements in the audit trail "
                   "(default: only hashes and findings are kept).")
@click.pass_obj
def serve(obj, host, port, keep_text) -> None:
    """Run the web page for program managers on this computer: check a plan (upload or
    form), screen statements, the deadlines calendar, history, laws and rules, in English or
    Khmer. Also answers the JSON API: GET /api/health, POST /api/check, POST /api/review.
    """
    import uvicorn

    from lawcheck.web import create_app

    hosts = ("127.0.0.1", "localhost", "[::1]", "::1")
    if host not in LOOPBACK:
        click.echo(f"warning: listening on {host}: other computers that reach this address can "
                   "use lawcheck, see its history and read its reports. There is no login. "
                   "Use --host 127.0.0.1 unless you mean it.", err=True)
        hosts = ("*",)
    app = create_app(db=obj["db"], keep_text=keep_text, hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"lawcheck is at http://{shown}:{port}/ (Ctrl+C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)
