"""The portals' public addresses come from PORTAL_BASE_URL, never from the port in a Site
record: `PORT=8100 make run` on a demo loaded at port 8000 writes links to port 8100."""

import re
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import set_script_prefix
from wagtail.models import Site

from core.portals import regions_base_url, request_base_url, site_base_url, site_path

from .factories import create_content_page, shared_root

DRENTHE_8100: dict[str, Any] = {"HTTP_HOST": "drenthe.localhost:8100"}


@pytest.fixture(autouse=True)
def served_on_port_8100(settings, groningen, drenthe):
    """The sites were stored with port 8000, the installation runs on 8100."""
    Site.objects.update(port=8000)
    settings.PORTAL_BASE_URL = "http://{hostname}:8100"


def test_each_portal_has_its_address(groningen, drenthe):
    assert site_base_url(Site.objects.get(hostname="drenthe.localhost")) == (
        "http://drenthe.localhost:8100"
    )
    assert site_base_url(None) == "http://groningen.localhost:8100"  # the default portal
    assert regions_base_url([drenthe.region.pk]) == "http://drenthe.localhost:8100"
    assert regions_base_url([]) == "http://groningen.localhost:8100"
    request = RequestFactory().get("/", **DRENTHE_8100)
    assert request_base_url(request) == "http://drenthe.localhost:8100"


def test_a_base_address_may_carry_a_path_prefix(settings, drenthe):
    """The path is the prefix of every path Django reverses (FORCE_SCRIPT_NAME, which the
    settings derive from it), so the base address is the origin and the path comes after."""
    settings.PORTAL_BASE_URL = "https://{hostname}/lerenoverarmoede/"
    settings.FORCE_SCRIPT_NAME = "/lerenoverarmoede"
    page = create_content_page(parent=shared_root(), slug="over", regions=[drenthe.region])
    assert regions_base_url([drenthe.region.pk]) == "https://drenthe.localhost"
    set_script_prefix("/lerenoverarmoede/")
    try:
        assert site_path("/aanbod/") == "/lerenoverarmoede/aanbod/"
        assert page.get_full_url() == "https://drenthe.localhost/lerenoverarmoede/over/"
    finally:
        set_script_prefix("/")


def test_page_addresses_use_the_served_port(groningen, drenthe):
    page = create_content_page(parent=shared_root(), slug="over", regions=[drenthe.region])
    request = RequestFactory().get("/", **DRENTHE_8100)
    assert page.get_url(request) == "/over/"
    assert page.get_full_url(request) == "http://drenthe.localhost:8100/over/"
    # Without a request, the address of the portal that shows the page.
    assert page.get_full_url() == "http://drenthe.localhost:8100/over/"
    assert drenthe.get_full_url() == "http://drenthe.localhost:8100/"


def test_sitemap_and_robots_use_the_served_port(client, groningen, drenthe):
    create_content_page(parent=shared_root(), slug="over", regions=[drenthe.region])
    create_content_page(parent=drenthe, slug="in-drenthe", regions=[drenthe.region])
    sitemap = client.get("/sitemap.xml", **DRENTHE_8100).content.decode()
    assert re.findall(r"<loc>(.*?)</loc>", sitemap) == [
        "http://drenthe.localhost:8100/",
        "http://drenthe.localhost:8100/in-drenthe/",
        "http://drenthe.localhost:8100/over/",
    ]
    robots = client.get("/robots.txt", **DRENTHE_8100).content.decode()
    assert "Sitemap: http://drenthe.localhost:8100/sitemap.xml" in robots


def test_a_base_address_without_the_host_name_is_refused(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("PORTAL_BASE_URL", "https://armoedegroningen.nl")
    with pytest.raises(ImproperlyConfigured, match=r"PORTAL_BASE_URL must contain \{hostname\}"):
        importlib.reload(base)
    monkeypatch.delenv("PORTAL_BASE_URL")
    importlib.reload(base)


def test_under_a_path_prefix_every_address_on_a_page_carries_it(client, settings, groningen):
    """The fast check on every database; tests/deployment/ runs it behind nginx."""
    create_content_page(parent=shared_root(), slug="over", regions=[groningen.region])
    settings.PORTAL_BASE_URL = "http://{hostname}:8100/lerenoverarmoede"
    settings.FORCE_SCRIPT_NAME = "/lerenoverarmoede"
    settings.STATIC_URL = "/lerenoverarmoede/static/"
    settings.MEDIA_URL = "/lerenoverarmoede/media/"
    # Django's WSGI handler sets the prefix per request; the test client does not.
    set_script_prefix("/lerenoverarmoede/")
    try:
        html = client.get("/over/", HTTP_HOST="groningen.localhost:8100").content.decode()
    finally:
        set_script_prefix("/")
    addresses = re.findall(r'(?:href|src|action|hx-get)="([^"#?][^"]*)"', html)
    assert addresses
    outside = [a for a in addresses if a.startswith("/") and not a.startswith("/lerenoverarmoede/")]
    assert outside == []
    assert 'href="/lerenoverarmoede/"' in html  # the logo and "Home"
