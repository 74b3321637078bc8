"""The public pages: the demo page, the widget, its assets, the favicon.

Everything here is served to anyone; nothing reads a session or the database.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.web.config import WebSettings
from bot.web.rendering import STATIC


def blueprint() -> Blueprint:
    """A fresh blueprint of the public routes (one per app)."""
    bp = Blueprint("public")

    @bp.get("/")
    async def demo_page(request: Request) -> HTTPResponse:
        settings: WebSettings = request.app.ctx.settings
        delay = request.args.get("delay", "400")
        page = request.app.ctx.demo.get_template("index.html").render(
            widget_url="/widget.js",
            socket_url=settings.public_rasa_url,
            message_delay=delay if delay.isdigit() and len(delay) <= 5 else "400",
        )
        return response.html(page, headers=demo_headers(settings.public_rasa_url))

    @bp.get("/widget.js")
    async def widget_loader(request: Request) -> HTTPResponse:
        return await response.file(
            request.app.ctx.settings.web_dir / "widget.js",
            mime_type="text/javascript",
        )

    @bp.get("/favicon.svg")
    async def favicon(request: Request) -> HTTPResponse:
        return await response.file(
            request.app.ctx.settings.web_dir / "favicon.svg",
            mime_type="image/svg+xml",
            headers={"Cache-Control": "max-age=86400"},
        )

    @bp.get("/favicon.ico")
    async def favicon_ico(_request: Request) -> HTTPResponse:
        return response.redirect("/favicon.svg", status=301)

    @bp.get("/widget.css")
    async def widget_style(request: Request) -> HTTPResponse:
        return await response.file(
            request.app.ctx.settings.web_dir / "widget.css", mime_type="text/css"
        )

    @bp.get("/vendor/rasa-webchat.js")
    async def widget_bundle(request: Request) -> HTTPResponse:
        bundle = request.app.ctx.settings.widget_bundle
        if not bundle.is_file():
            return response.text(
                "rasa-webchat is not installed: run scripts/setup_browser.sh", 503
            )
        text = _bundle_with_own_fonts(bundle, bundle.stat().st_mtime_ns)
        return response.text(text, content_type="text/javascript; charset=utf-8")

    @bp.get("/fonts/<name:(inter\\.css|inter-latin-[457]00-normal\\.woff2)>")
    async def font(request: Request, name: str) -> HTTPResponse:
        kind = "text/css" if name.endswith(".css") else "font/woff2"
        return await response.file(
            request.app.ctx.settings.web_dir / "fonts" / name,
            mime_type=kind,
            headers={"Cache-Control": "max-age=604800"},
        )

    @bp.get("/static/<name:(console\\.css|console\\.js)>")
    async def console_asset(_request: Request, name: str) -> HTTPResponse:
        kind = "text/css" if name.endswith(".css") else "text/javascript"
        return await response.file(STATIC / name, mime_type=kind)

    return bp


FONT_HOST_IMPORT = (
    "https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap"
)
OWN_FONTS = "/fonts/inter.css"


def own_fonts(bundle: str) -> str:
    """rasa-webchat's bundle with its web-font import pointed at this site."""
    return bundle.replace(FONT_HOST_IMPORT, OWN_FONTS)


@lru_cache(maxsize=2)
def _bundle_with_own_fonts(path: Path, _mtime_ns: int) -> str:
    # Read once per version of the file (about 700 kB), not per request.
    return own_fonts(path.read_text(encoding="utf-8"))


def demo_headers(rasa_url: str) -> dict[str, str]:
    """The demo page's CSP: the widget may reach only this site and Rasa.

    It also keeps anything from fetching web fonts from a third party, which
    would tell that party who opened a back-pain chat: the widget's fonts are
    served here (``/fonts/``).
    """
    socket = rasa_url.replace("https://", "wss://").replace("http://", "ws://")
    return {
        "Content-Security-Policy": (
            f"default-src 'self'; connect-src 'self' {rasa_url} {socket}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"
        ),
        "Referrer-Policy": "no-referrer",
    }
