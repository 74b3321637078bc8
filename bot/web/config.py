"""Settings of the web app (demo page, widget, clinician console), read once."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import PROJECT_ROOT, Settings, load_settings

DEFAULT_PORT = 8000


@dataclass(frozen=True)
class WebSettings:
    """Runtime configuration of ``bot.web.app``.

    Attributes:
        host: Interface to listen on.
        port: Port to listen on.
        rasa_url: Rasa's HTTP API as the web app reaches it (server side).
        public_rasa_url: Rasa's socket.io endpoint as the browser reaches it.
        rasa_token: The token Rasa was started with (``--auth-token``); the
            console refuses to talk to Rasa without one.
        secure_cookies: Mark the session cookie ``Secure`` (behind HTTPS).
        session_minutes: How long a console sign-in lasts without activity.
        web_dir: Folder of the demo page and the widget's loader.
        widget_bundle: The rasa-webchat bundle installed by npm.
        core: BackChat's shared settings (database URL...).
    """

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    rasa_url: str = "http://localhost:5005"
    public_rasa_url: str = "http://localhost:5005"
    rasa_token: str | None = None
    secure_cookies: bool = False
    session_minutes: int = 8 * 60
    web_dir: Path = PROJECT_ROOT / "web"
    widget_bundle: Path = PROJECT_ROOT / "node_modules/rasa-webchat/lib/index.js"
    core: Settings = field(default_factory=Settings)


def load_web_settings(environ: Mapping[str, str] | None = None) -> WebSettings:
    """Build the web settings from ``BACKCHAT_*`` variables."""
    env = os.environ if environ is None else environ
    rasa_port = env.get("BACKCHAT_RASA_PORT", "5005")
    rasa_url = env.get("BACKCHAT_RASA_URL", f"http://localhost:{rasa_port}")
    core = load_settings(env)
    secure = env.get("BACKCHAT_WEB_SECURE_COOKIES", "")
    return WebSettings(
        host=env.get("BACKCHAT_WEB_HOST", "127.0.0.1"),
        port=int(env.get("BACKCHAT_WEB_PORT", str(DEFAULT_PORT))),
        rasa_url=rasa_url.rstrip("/"),
        public_rasa_url=env.get("BACKCHAT_PUBLIC_RASA_URL", rasa_url).rstrip("/"),
        rasa_token=core.rasa_token,
        # Always Secure in production (behind HTTPS); opt-in otherwise.
        secure_cookies=core.is_production or secure in {"1", "true"},
        core=core,
    )
