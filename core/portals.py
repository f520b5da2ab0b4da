"""The portals' public addresses: every absolute URL the platform writes starts here.

Editors name a portal's host in its Wagtail Site (groningen.localhost, armoedegroningen.nl);
the scheme, the port and anything around the host come from the setting PORTAL_BASE_URL,
a template such as "https://{hostname}" in production or "http://{hostname}:8100" under
`PORT=8100 make run`. The port stored in a Site record is not used: it says where the
installation was first loaded, not where it is served now.

A path in PORTAL_BASE_URL ("https://{hostname}/lerenoverarmoede") is the path prefix under
which the platform serves (settings FORCE_SCRIPT_NAME): every path Django reverses starts
with it, so the addresses here are scheme, host and port only and the path comes from
reverse() or `site_path`, never from a path written by hand.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix
from wagtail.models import Site


def base_url(hostname: str) -> str:
    """The public origin of the portal with this host name (scheme, host, port): the path
    prefix is part of every reversed path."""
    address = str(settings.PORTAL_BASE_URL).format(hostname=hostname)
    return urlunsplit(urlsplit(address)._replace(path="", query="", fragment=""))


def site_path(path: str) -> str:
    """A path of the platform ('/aanbod/') as the browser asks for it: under the path
    prefix, when the platform serves under one ('/lerenoverarmoede/aanbod/')."""
    return get_script_prefix() + path.lstrip("/")


def site_base_url(site: Site | None) -> str:
    """The public address of a portal's site; the default portal's when there is none."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:  # an installation without portals yet
        return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    return base_url(site.hostname)


def request_base_url(request: HttpRequest) -> str:
    """The public address of the portal that serves this request."""
    return site_base_url(Site.find_for_request(request))


def regions_base_url(region_ids: Iterable[int]) -> str:
    """The address of the first portal (in the regions' order) whose region is one of
    these, for links to something marked for those regions; else the default portal."""
    site = (
        Site.objects.filter(root_page__portalhomepage__region__in=list(region_ids))
        .order_by("root_page__portalhomepage__region__sort_order")
        .first()
    )
    return site_base_url(site)
