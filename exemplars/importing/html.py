"""Archive story bodies (HTML or plain text) as the blocks of a story's StreamField.

HTML goes through a maintained sanitiser first (``nh3``, the Python binding of
the Rust ``ammonia``): scripts, styles and the like disappear with their
content, attributes other than a link's address and an image's source and
text do not survive. What is left is walked into parts Wagtail's rich text
editor holds (paragraphs, h2/h3 headings, lists; bold, italic, links, line
breaks inside them) and images, which the importer turns into image blocks
when it has the file (:class:`ImagePart`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from wagtail.rich_text import RichText

# Everything the walk below understands; other tags are unwrapped, their text kept.
ALLOWED_TAGS = {
    "p", "div", "section", "article", "blockquote", "br", "span",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "b", "strong", "i", "em", "a", "ul", "ol", "li",
    "img", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}}
# Removed together with their text: code and styling, never reading matter.
DROPPED_WITH_CONTENT = {"script", "style", "noscript", "template", "iframe", "object", "svg"}
LINK_SCHEMES = {"http", "https", "mailto"}

_HTML_HINT_RE = re.compile(r"<\s*/?\s*(p|br|div|h[1-6]|ul|ol|figure|img|b|strong|i|em|a)\b", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
_BREAK_RE = re.compile(r"<br/>|</li>|</h[23]>|</p>")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "figure"}
_CONTAINERS = {"div", "section", "article", "blockquote"}
_INLINE_NAMES = {"b": "b", "strong": "b", "i": "i", "em": "i"}
# A credit line at the end of a caption, as Vietnamese papers print it: "Ảnh: M.L".
_CREDIT_RE = re.compile(r"\s*[(\[]?\s*((?:Ảnh|Ảnh minh họa|Nguồn|Photo)\s*:\s*[^)\]]+)[)\]]?\s*$")


@dataclass(frozen=True)
class ImagePart:
    """An image of the body: its address in the archive and the words around it."""

    src: str
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class TextPart:
    """Rich text in Wagtail's storage format (one paragraph, heading or list)."""

    html: str


def sanitise(markup: str) -> str:
    """``markup`` reduced to :data:`ALLOWED_TAGS` by nh3; dangerous content removed whole."""
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str] | None = None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children: list[_Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    """A tree of nh3's output, which is well-formed, so the nesting can be trusted."""

    _VOID = {"br", "img"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self._VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _inline(node: _Node | str) -> str:
    """Wagtail rich text for inline content; images are taken out by the caller."""
    if isinstance(node, str):
        return html.escape(node, quote=False)
    inner = "".join(_inline(c) for c in node.children if not _is_img(c))
    if node.tag == "br":
        return "<br/>"
    if node.tag in _INLINE_NAMES and inner.strip():
        name = _INLINE_NAMES[node.tag]
        return f"<{name}>{inner}</{name}>"
    if node.tag == "a" and node.attrs.get("href") and inner.strip():
        return f'<a href="{html.escape(node.attrs["href"])}">{inner}</a>'
    return inner


def _is_img(node) -> bool:
    return not isinstance(node, str) and node.tag == "img"


def _images_in(node: _Node) -> list[_Node]:
    found = []
    for child in node.children:
        if isinstance(child, _Node):
            found += [child] if child.tag == "img" else _images_in(child)
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())


def _image_part(img: _Node, caption: str = "") -> ImagePart:
    caption = _squash(caption or img.attrs.get("title", ""))
    credit = ""
    if match := _CREDIT_RE.search(caption):
        credit = _squash(match.group(1))
        caption = caption[: match.start()].strip()
    return ImagePart(
        src=img.attrs.get("src", "").strip(),
        alt=_squash(img.attrs.get("alt", "")),
        caption=caption,
        credit=credit,
    )


def _clean_rich(markup: str) -> str:
    """Collapse runs of whitespace and drop line breaks at the edges."""
    markup = re.sub(r"\s+", " ", markup).strip()
    return re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", markup).strip()


class _Walker:
    def __init__(self):
        self.parts: list[TextPart | ImagePart] = []
        self.pending: list[str] = []

    def flush(self):
        text = _clean_rich("".join(self.pending))
        self.pending = []
        if re.sub(r"<[^>]+>", "", text).strip():
            self.parts.append(TextPart(f"<p>{text}</p>"))

    def walk(self, node: _Node):
        for child in node.children:
            if isinstance(child, str) or child.tag not in _BLOCKS | _CONTAINERS | {"img"}:
                self.pending.append(_inline(child))
                if not isinstance(child, str):
                    for img in _images_in(child):
                        self.flush()
                        self.parts.append(_image_part(img))
                continue
            self.flush()
            if child.tag in _CONTAINERS:
                self.walk(child)
            elif child.tag == "img":
                self.parts.append(_image_part(child))
            elif child.tag == "figure":
                captions = [c for c in child.children if isinstance(c, _Node)]
                caption = " ".join(c.text() for c in captions if c.tag == "figcaption")
                for img in _images_in(child):
                    self.parts.append(_image_part(img, caption))
            elif child.tag == "p":
                # A paragraph holding an image becomes text, image, text.
                self.walk(child)
            elif child.tag in ("ul", "ol"):
                items = [
                    f"<li>{_clean_rich(_inline(li))}</li>"
                    for li in child.children
                    if isinstance(li, _Node) and li.tag == "li" and _squash(li.text())
                ]
                if items:
                    self.parts.append(TextPart(f"<{child.tag}>{''.join(items)}</{child.tag}>"))
                for img in _images_in(child):
                    self.parts.append(_image_part(img))
            else:  # a heading: the editor offers h2 and h3
                level = "h2" if child.tag in ("h1", "h2") else "h3"
                text = _clean_rich(_inline(child))
                if re.sub(r"<[^>]+>", "", text).strip():
                    self.parts.append(TextPart(f"<{level}>{text}</{level}>"))
                for img in _images_in(child):
                    self.parts.append(_image_part(img))
        self.flush()


def html_parts(markup: str) -> list[TextPart | ImagePart]:
    """The parts of an HTML body, sanitised, in reading order."""
    builder = _TreeBuilder()
    builder.feed(sanitise(markup))
    builder.close()
    walker = _Walker()
    walker.walk(builder.root)
    return walker.parts


def is_html(text: str) -> bool:
    return bool(_HTML_HINT_RE.search(text))


def body_paragraphs(text: str) -> list[str]:
    """The plain-text paragraphs of a body given as HTML or as plain text.

    Plain text is split on blank lines, or on single line breaks when there
    are none.
    """
    if not text:
        return []
    if is_html(text):
        parts = [p for p in html_parts(text) if isinstance(p, TextPart)]
        return [_squash(html.unescape(_TAG_RE.sub("", _BREAK_RE.sub(" ", p.html)))) for p in parts]
    chunks = re.split(r"\n\s*\n", text) if "\n\n" in text.replace("\r", "") else text.split("\n")
    return [_squash(c) for c in chunks if c.strip()]


def body_parts(text: str) -> list[TextPart | ImagePart]:
    """The parts of a body: :func:`html_parts` for HTML, a paragraph a chunk for plain text."""
    if not text:
        return []
    if is_html(text):
        return html_parts(text)
    return [TextPart(f"<p>{html.escape(p, quote=False)}</p>") for p in body_paragraphs(text)]


def body_blocks(text: str) -> list[tuple[str, RichText]]:
    """StreamField paragraph blocks for a body's text; images left out (see the importer)."""
    return [("paragraph", RichText(p.html)) for p in body_parts(text) if isinstance(p, TextPart)]
