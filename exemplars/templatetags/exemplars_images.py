"""Wagtail's ``{% image %}``, ``{% srcset_image %}`` and ``{% picture %}``, their filters parsed once.

Wagtail's nodes build a new ``Filter`` for every spec on every render, and
each one parses its operations again (calling every ``register_image_operations``
hook) to find its rendition's cache key: about 0.1 ms a card, on every card of
every list. A node is compiled once per template and kept by the cached
template loader, so the filters it asks for are kept on it: a ``Filter`` holds
its spec and its parsed operations, nothing of the image it is applied to.
Load this library instead of ``wagtailimages_tags``; the tags take the same
arguments and print the same markup.
"""

from django import template
from django.utils.functional import cached_property
from wagtail.images.templatetags import wagtailimages_tags as wagtail

register = template.Library()


class ImageNode(wagtail.ImageNode):
    @cached_property
    def _filter(self):
        return super().get_filter()

    def get_filter(self):
        return self._filter


class SrcsetImageNode(wagtail.SrcsetImageNode):
    @cached_property
    def _filters(self):
        return super().get_filters()

    def get_filters(self):
        return self._filters


class PictureNode(wagtail.PictureNode):
    @cached_property
    def _filters(self):
        return super().get_filters()

    def get_filters(self):
        return self._filters


# Wagtail's node class → ours (subclasses first: PictureNode is a SrcsetImageNode).
_NODES = (
    (wagtail.PictureNode, PictureNode),
    (wagtail.SrcsetImageNode, SrcsetImageNode),
    (wagtail.ImageNode, ImageNode),
)


def image(parser, token):
    """Wagtail's parser (same syntax, same errors), then our node class for its node."""
    node = wagtail.image(parser, token)
    ours = next(cls for theirs, cls in _NODES if isinstance(node, theirs))
    return ours(
        node.image_expr,
        node.filter_specs,
        output_var_name=node.output_var_name,
        attrs=node.attrs,
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
