"""The public pages: fonts and favicon served by the app, nothing from a font host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot.web.public import FONT_HOST_IMPORT, OWN_FONTS, own_fonts
from tests.web.conftest import WIDGET_BUNDLE, prepare_database
from tests.web.test_console_api import running_web_app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workdir: Path = tmp_path_factory.mktemp("public")
    with running_web_app(workdir, prepare_database(workdir)) as url:
        yield url


def test_the_font_import_is_pointed_at_this_site() -> None:
    bundle = f'x.push([1,"@import url({FONT_HOST_IMPORT});",""])'
    assert own_fonts(bundle) == f'x.push([1,"@import url({OWN_FONTS});",""])'


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/fonts/inter.css", "text/css"),
        ("/fonts/inter-latin-400-normal.woff2", "font/woff2"),
        ("/fonts/inter-latin-500-normal.woff2", "font/woff2"),
        ("/fonts/inter-latin-700-normal.woff2", "font/woff2"),
        ("/favicon.ico", "image/svg+xml"),
    ],
)
def test_fonts_and_favicon_are_served(site: str, path: str, kind: str) -> None:
    response = requests.get(f"{site}{path}", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(kind)
    assert len(response.content) > 100


@pytest.mark.parametrize(
    "path", ["/fonts/other.woff2", "/fonts/../bot/settings.py", "/fonts/LICENSE"]
)
def test_nothing_else_is_served_from_the_fonts_folder(site: str, path: str) -> None:
    assert requests.get(f"{site}{path}", timeout=10).status_code == 404


def test_every_font_the_stylesheet_names_is_served(site: str) -> None:
    css = requests.get(f"{site}/fonts/inter.css", timeout=10).text
    urls = [part.split('")')[0] for part in css.split('url("')[1:]]
    assert len(urls) == 3
    assert all(requests.get(f"{site}{u}", timeout=10).ok for u in urls)


def test_the_widget_bundle_fetches_fonts_only_from_this_site(site: str) -> None:
    if not WIDGET_BUNDLE.exists():
        pytest.skip("rasa-webchat is not installed (scripts/setup_browser.sh)")
    bundle = requests.get(f"{site}/vendor/rasa-webchat.js", timeout=10)
    assert bundle.ok and bundle.headers["Content-Type"].startswith("text/javascript")
    assert "fonts.googleapis" not in bundle.text and OWN_FONTS in bundle.text
    page = requests.get(f"{site}/", timeout=10)
    assert "font-src 'self'" in page.headers["Content-Security-Policy"]
