"""The one origin (scheme, host, port) of every absolute URL the reader site emits.

Wagtail already builds page URLs from the Site record (``Site.root_url``:
``https`` on port 443, ``http`` otherwise, the port when it is not the
scheme's own). Everything else - images, feeds, robots.txt, JSON-LD,
breadcrumbs - takes the same origin from the same record, never from the
request's ``Host``: a page the anonymous cache keeps for one host must not
carry another host's links, and a crawler must see one canonical origin.
``manage.py set_site_origin URL`` points the Site at the address it is served
from.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def site_for(request=None):
    """The Site serving ``request`` (Wagtail's own lookup, cached on the request), else the default."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def site_origin(request=None) -> str:
    """``scheme://host[:port]`` of the Site, without a trailing slash."""
    site = site_for(request)
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(url: str, request=None) -> str:
    """``url`` (a path) on the Site's origin; already absolute URLs are kept."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if not url.startswith("/"):
        url = "/" + url
    return site_origin(request) + url


def parse_origin(value: str) -> tuple[str, int]:
    """(hostname, port) a Site needs for ``value`` to be its ``root_url``.

    Wagtail derives the scheme from the port (443 is ``https``, any other
    ``http``), so ``https`` on another port cannot be represented: it is refused
    rather than silently served as ``http``.
    """
    if "://" not in value:
        value = "http://" + value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"«{value}» không phải địa chỉ http(s)://tên-máy[:cổng]")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"«{value}»: chỉ gồm giao thức, tên máy và cổng, không có đường dẫn")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"«{value}»: cổng không hợp lệ") from exc
    if parts.scheme == "https":
        if port not in (None, 443):
            raise ValueError(
                f"«{value}»: Wagtail chỉ dùng https ở cổng 443; hãy đặt máy chủ sau proxy ở cổng 443"
            )
        return parts.hostname, 443
    if port == 443:
        raise ValueError(f"«{value}»: cổng 443 là https trong Wagtail")
    return parts.hostname, port or 80
