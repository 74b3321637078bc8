"""The public pages: fonts and favicon served by the app, nothing from a font host."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.web.public import FONT_HOST_IMPORT, OWN_FONTS, own_fonts
from tests.web.client import LIFESPAN_LISTENERS_ARE_MEANT, WebApp
from tests.web.conftest import WIDGET_BUNDLE, prepare_database

pytestmark = LIFESPAN_LISTENERS_ARE_MEANT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebApp]:
    web = WebApp(prepare_database(tmp_path_factory.mktemp("public")))
    try:
        yield web
    finally:
        web.close()


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
def test_fonts_and_favicon_are_served(site: WebApp, path: str, kind: str) -> None:
    response = site.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(kind)
    assert len(response.content) > 100


@pytest.mark.parametrize(
    "path", ["/fonts/other.woff2", "/fonts/../bot/settings.py", "/fonts/LICENSE"]
)
def test_nothing_else_is_served_from_the_fonts_folder(site: WebApp, path: str) -> None:
    assert site.get(path).status_code == 404


def test_every_font_the_stylesheet_names_is_served(site: WebApp) -> None:
    css = site.get("/fonts/inter.css").text
    urls = [part.split('")')[0] for part in css.split('url("')[1:]]
    assert len(urls) == 3
    assert [site.get(url).status_code for url in urls] == [200, 200, 200]


def test_the_widget_bundle_fetches_fonts_only_from_this_site(site: WebApp) -> None:
    if not WIDGET_BUNDLE.exists():
        pytest.skip("rasa-webchat is not installed (scripts/setup_browser.sh)")
    bundle = site.get("/vendor/rasa-webchat.js")
    assert bundle.status_code == 200
    assert bundle.headers["Content-Type"].startswith("text/javascript")
    assert "fonts.googleapis" not in bundle.text and OWN_FONTS in bundle.text
    page = site.get("/")
    assert "font-src 'self'" in page.headers["Content-Security-Policy"]
