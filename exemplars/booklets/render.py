"""Typeset a booklet with WeasyPrint (Pango underneath) from editable templates.

The HTML is ``exemplars/booklets/booklet.html`` and the style sheet
``exemplars/booklets/booklet.css``: a site restyles the booklet by overriding
either in its own templates folder. Page numbers in the table of contents are
the typesetter's own (``target-counter``), so they cannot drift from the pages.

Only our own files reach the typesetter: portraits come from the image storage
(the original upload, never a web rendition), fonts from the system's
fontconfig (Debian's fonts-noto-core); any other address in story text is refused rather
than fetched (no request to the network while a booklet renders).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation

from exemplars.booklets.content import chapters

SIZES = {"a5": "A5", "a4": "A4"}
IMAGE_SCHEME = "exemplars-image:"


class BookletUnavailable(RuntimeError):
    """The typesetter is not installed (``pip install weasyprint`` and Debian's Pango)."""


@dataclass
class RenderedBooklet:
    pdf: bytes
    pages: int


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BookletFetcher(URLFetcher):
        """Portraits from the image storage; nothing else."""

        def fetch(self, url, headers=None):
            if url.startswith(IMAGE_SCHEME):
                from wagtail.images import get_image_model

                image = get_image_model().objects.get(pk=int(url[len(IMAGE_SCHEME) :]))
                with image.open_file() as handle:
                    return URLFetcherResponse(url, handle.read())
            raise ValueError(f"Not fetched while typesetting a booklet: {url}")

    return BookletFetcher


def render_html(
    campaign,
    exemplars,
    size: str = "a5",
    colophon: str | None = None,
    *,
    include_restricted: bool = False,
) -> str:
    # A Vietnamese publication, whatever language the editor's admin speaks.
    with translation.override("vi"):
        return _render_html(campaign, exemplars, size, colophon, include_restricted)


def _render_html(campaign, exemplars, size, colophon, include_restricted) -> str:
    booklet = getattr(campaign, "booklet", None) if campaign.pk else None
    context = {
        "campaign": campaign,
        "chapters": chapters(campaign, exemplars, include_restricted=include_restricted),
        # Said on the colophon: the editor chose to print stories readers cannot see.
        "includes_restricted": include_restricted,
        "size": SIZES[size],
        "image_scheme": IMAGE_SCHEME,
        "colophon": colophon if colophon is not None else (booklet.colophon if booklet else ""),
        "printed_on": timezone.localdate(),
    }
    context["css"] = render_to_string("exemplars/booklets/booklet.css", context)
    return render_to_string("exemplars/booklets/booklet.html", context)


def render_booklet(
    campaign,
    exemplars,
    size: str = "a5",
    colophon: str | None = None,
    *,
    include_restricted: bool = False,
):
    """The booklet as PDF bytes and its page count. Public stories only unless
    ``include_restricted`` (see ``booklets.content``)."""
    if size not in SIZES:
        raise ValueError(size)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        # OSError: the Python package is there but Debian's Pango is not.
        raise BookletUnavailable(str(error)) from error
    html = render_html(campaign, exemplars, size, colophon, include_restricted=include_restricted)
    fetcher = _fetcher_class()(timeout=5)
    document = HTML(string=html, url_fetcher=fetcher, base_url="exemplars-booklet:/").render()
    out = io.BytesIO()
    document.write_pdf(out)
    return RenderedBooklet(out.getvalue(), len(document.pages))


def filename(campaign, size: str) -> str:
    return f"an-pham-{campaign.slug}-{size}.pdf"
