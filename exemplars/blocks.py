"""StreamField blocks of an exemplar story's body."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ListItemCharBlock(blocks.CharBlock):
    """A line of a ``ListBlock``: Wagtail prints no ``<label>`` for list items, so the
    input carries its label as ``aria-label`` (axe: every form field has a name)."""

    def __init__(self, *args, label, **kwargs):
        super().__init__(*args, label=label, **kwargs)
        self.field.widget.attrs["aria-label"] = label

    def deconstruct(self):
        # Stored data is a CharBlock's: migrations name Wagtail's class, not ours.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.CharBlock", args, kwargs


class LabelledRichTextBlock(blocks.RichTextBlock):
    """A rich-text block whose Draftail editing area is named by the block's label.

    A StreamBlock child gets a header, not a ``<label>``, and Draftail's
    contenteditable is a textbox of its own: without ``ariaLabel`` (a Draftail
    option Wagtail passes through) it has no accessible name.
    """

    @cached_property
    def field(self):
        field = super().field
        options = getattr(field.widget, "options", None)
        if isinstance(options, dict) and self.label:
            options["ariaLabel"] = str(self.label)
        return field

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, kwargs


class CaptionedImageBlock(blocks.StructBlock):
    """A photo as the newsroom prints it: caption, credit ("Ảnh: M.L") and alt text."""

    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Nguồn ảnh"), required=False, max_length=120, help_text=_('Ví dụ: "Ảnh: M.L"')
    )
    # Required: screen-reader users get nothing from a photo without it.
    alt_text = blocks.CharBlock(
        label=_("Mô tả ảnh (alt)"),
        max_length=250,
        help_text=_("Mô tả ngắn nội dung ảnh cho người khiếm thị."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "exemplars/blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "exemplars/blocks/quote_block.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Ảnh"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Bộ ảnh")
        template = "exemplars/blocks/gallery_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Địa chỉ video"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "exemplars/blocks/video_block.html"


class FactBoxBlock(blocks.StructBlock):
    """A boxed list of achievements: "6 ha cá tra đạt chuẩn ASC", "20 lao động"…"""

    title = blocks.CharBlock(label=_("Tiêu đề"), default=_("Thành tích nổi bật"), max_length=200)
    facts = blocks.ListBlock(
        ListItemCharBlock(label=_("Thành tích"), max_length=300), label=_("Thành tích"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Hộp thành tích")
        template = "exemplars/blocks/fact_box_block.html"


class HonourBlock(blocks.StructBlock):
    """An honour cited in the story; editors verify it against the exemplar's record."""

    award = SnippetChooserBlock("exemplars.Award", label=_("Hình thức khen thưởng"))
    issuing_body = blocks.CharBlock(label=_("Cơ quan trao tặng"), required=False, max_length=255)
    decision_number = blocks.CharBlock(label=_("Số quyết định"), required=False, max_length=100)
    date = blocks.DateBlock(label=_("Ngày quyết định"), required=False)

    class Meta:
        icon = "pick"
        label = _("Khen thưởng")
        template = "exemplars/blocks/honour_block.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = LabelledRichTextBlock(
        label=_("Đoạn văn"),
        features=["bold", "italic", "h2", "h3", "ol", "ul", "link", "document-link"],
        template="exemplars/blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    fact_box = FactBoxBlock()
    honour = HonourBlock()
