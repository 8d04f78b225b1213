"""The page tree: home → sections (chuyên trang, chuyên mục) → exemplar stories,
and campaign landing pages bound to a campaign record.

Placement rules (``parent_page_types``/``subpage_types``) keep the tree from
being misbuilt: stories live only in sections, there is one home page.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from exemplars.blocks import StoryBodyBlock
from exemplars.curation import PinnedPageForm
from exemplars.models import presenters
from exemplars.models.serving import ReaderPageMixin
from exemplars.models.snippets import Award, Campaign, Exemplar, Field, Locality
from exemplars.policy import NewsroomPagePermissionsMixin


class ExemplarHomePage(ReaderPageMixin, NewsroomPagePermissionsMixin, RoutablePageMixin, Page):
    """The front page of the exemplar site (one per site).

    It also serves the exemplar, locality and field pages as routes
    (``/dien-hinh/<slug>/``…), since those are records, not pages in the tree.
    """

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])

    # Under the root of a new site, or under an outlet's own home page when the
    # extension is added to an existing site.
    subpage_types = ["exemplars.SectionPage", "exemplars.CampaignPage"]
    max_count_per_parent = 1
    base_form_class = PinnedPageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("pins", label=_("Bài ghim trên trang chủ")),
    ]

    class Meta:
        verbose_name = _("trang chủ điển hình")
        verbose_name_plural = _("trang chủ điển hình")

    def route(self, request, path_components):
        # Every reader page below is served through this home: remember it for
        # the request (links, breadcrumbs) and resolve the rest of the path at once.
        if self.live and getattr(request, "_exemplars_home", None) is None:
            request._exemplars_home = self
        if self.live and path_components:
            try:
                request.routable_resolver_match = self.resolve_subpage(
                    "/" + "/".join(path_components) + "/"
                )
                view, args, kwargs = request.routable_resolver_match
                return RouteResult(self, args=(view, args, kwargs))
            except Http404:
                # The reader layer resolves the rest of the path in a few queries;
                # without it, Wagtail walks down one level at a time.
                below = presenters.view("route_below", Page.route)
                return below(self, request, path_components)
        return super().route(request, path_components)

    # The reader pages of the records: views registered by exemplars/reader/pages.py.
    @path("")
    def index_route(self, request, *args, **kwargs):
        return presenters.view("home")(self, request)

    @path("dien-hinh/<slug:slug>/", name="exemplar")
    def exemplar_route(self, request, slug):
        return presenters.view("exemplar")(self, request, slug=slug)

    @path("dia-phuong/<slug:slug>/", name="locality")
    def locality_route(self, request, slug):
        return presenters.view("locality")(self, request, slug=slug)

    @path("linh-vuc/<slug:slug>/", name="field")
    def field_route(self, request, slug):
        return presenters.view("field")(self, request, slug=slug)

    @path("tac-gia/<slug:slug>/", name="author")
    def author_route(self, request, slug):
        return presenters.view("author")(self, request, slug=slug)

    @path("tac-gia/<slug:slug>/rss/", name="author_rss")
    def author_rss_route(self, request, slug):
        return presenters.view("author_rss")(self, request, slug=slug)

    @path("tac-gia/<slug:slug>/atom/", name="author_atom")
    def author_atom_route(self, request, slug):
        return presenters.view("author_atom")(self, request, slug=slug)

    def get_sitemap_urls(self, request=None):
        routes = presenters.view("sitemap_routes", lambda home, request: [])
        return super().get_sitemap_urls(request) + routes(self, request)


class SectionPage(ReaderPageMixin, NewsroomPagePermissionsMixin, Page):
    """A section (chuyên trang, chuyên mục) holding exemplar stories."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])

    # Any parent: an outlet that installs the extension files sections under its
    # own pages. Stories, in turn, live only in sections.
    subpage_types = [
        "exemplars.ExemplarStoryPage",
        "exemplars.SectionPage",
        "exemplars.ContestPage",
    ]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("chuyên trang, chuyên mục")
        verbose_name_plural = _("chuyên trang, chuyên mục")


class CampaignPage(ReaderPageMixin, NewsroomPagePermissionsMixin, Page):
    """The landing page of one campaign: its record, pinned stories, then the newest."""

    campaign = models.OneToOneField(
        Campaign,
        verbose_name=_("phong trào thi đua"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    intro = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])

    subpage_types: list[str] = []
    base_form_class = PinnedPageForm
    reader_select_related = ("campaign",)

    content_panels = Page.content_panels + [
        FieldPanel("campaign"),
        FieldPanel("intro"),
        InlinePanel("pins", label=_("Bài ghim")),
    ]

    class Meta:
        verbose_name = _("trang phong trào")
        verbose_name_plural = _("trang phong trào")

    @classmethod
    def reader_annotations(cls) -> dict:
        # Whether any pin is active, read with the page's row: a campaign with
        # none (most of them) needs no query for its pinned stories.
        pins = CampaignPagePin.objects.filter(page=OuterRef("pk"))
        return {"has_active_pins": Exists(active_pins(pins))}


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "exemplars.ExemplarStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ExemplarStoryPage(ReaderPageMixin, NewsroomPagePermissionsMixin, Page):
    """A story about one exemplar, filed in a section, tied to campaigns.

    ``published_at`` is the date readers see: the original date for an
    imported story, else the first publication.
    """

    intro = models.TextField(_("sapo"), help_text=_("Đoạn mở đầu in đậm dưới tiêu đề."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("chú thích ảnh"), max_length=500, blank=True)
    hero_credit = models.CharField(
        _("nguồn ảnh"), max_length=120, blank=True, help_text=_('Ví dụ: "Ảnh: M.L"')
    )
    hero_alt = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=250,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh đại diện: mô tả ảnh cho người khiếm thị."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("nội dung"), blank=True)
    exemplar = models.ForeignKey(
        Exemplar,
        verbose_name=_("điển hình"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    campaigns = ParentalManyToManyField(
        Campaign, verbose_name=_("phong trào thi đua"), blank=True, related_name="stories"
    )
    awards = ParentalManyToManyField(
        Award, verbose_name=_("khen thưởng được nhắc"), blank=True, related_name="stories"
    )
    locality = models.ForeignKey(
        Locality,
        verbose_name=_("địa phương"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    field = models.ForeignKey(
        Field,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("từ khóa"))
    published_at = models.DateTimeField(
        _("ngày đăng"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Để trống: lấy ngày xuất bản đầu tiên. Bài nhập từ kho lưu trữ giữ ngày gốc."),
    )
    original_url = models.URLField(
        _("địa chỉ gốc"), max_length=500, null=True, blank=True, unique=True
    )
    comments_open = models.BooleanField(
        _("nhận bình luận"),
        default=True,
        help_text=_("Bỏ chọn để đóng bình luận: các bình luận đã duyệt vẫn hiển thị."),
    )

    parent_page_types = ["exemplars.SectionPage"]
    subpage_types: list[str] = []
    # Lists set it on the stories they pin. A default here, because a template
    # lookup that misses (``story.is_pinned`` on every other card) falls back to
    # dir() of the whole page (60 µs a card).
    is_pinned = False
    reader_select_related = (
        "hero_image",
        "locality",
        "field",
        "exemplar__portrait",
        "exemplar__locality",
        "exemplar__field",
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locality"),
        index.FilterField("field"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_caption"),
                FieldRowPanel([FieldPanel("hero_credit"), FieldPanel("hero_alt")]),
            ],
            heading=_("Ảnh đại diện"),
        ),
        FieldPanel("body"),
    ]
    classification_panels = [
        FieldPanel("exemplar"),
        FieldPanel("campaigns"),
        FieldRowPanel([FieldPanel("locality"), FieldPanel("field")]),
        FieldPanel("awards"),
        FieldPanel("tags"),
        InlinePanel("bylines", label=_("Tác giả"), min_num=0),
        # StoryEvent (exemplars/events/models.py): the event this story covers.
        InlinePanel("event_citations", label=_("Sự kiện bài viết đưa tin"), min_num=0),
    ]
    publishing_panels = [
        FieldPanel("published_at"),
        FieldPanel("original_url"),
        FieldPanel("comments_open"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Nội dung")),
            ObjectList(classification_panels, heading=_("Phân loại")),
            ObjectList(Page.promote_panels, heading=_("Quảng bá")),
            ObjectList(publishing_panels + Page.settings_panels, heading=_("Xuất bản")),
        ]
    )

    class Meta:
        verbose_name = _("bài điển hình")
        verbose_name_plural = _("bài điển hình")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Ảnh đại diện cần có mô tả (alt).")})

    def save(self, *args, **kwargs):
        if self.published_at is None and self.live:
            self.published_at = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    @cached_property
    def display_date(self):
        return self.published_at or self.first_published_at or self.latest_revision_created_at

    @property
    def kind(self) -> str | None:
        return self.exemplar.kind if self.exemplar_id else None


class StoryByline(Orderable):
    """One author of a story, in byline order."""

    page = ParentalKey(ExemplarStoryPage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "exemplars.Author",
        verbose_name=_("tác giả"),
        on_delete=models.PROTECT,
        related_name="bylines",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("tác giả")
        verbose_name_plural = _("tác giả")


class PinBase(Orderable):
    """A story an editor pins to a page, optionally only between two dates."""

    story = models.ForeignKey(
        ExemplarStoryPage, verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="+"
    )
    pinned_from = models.DateTimeField(_("ghim từ"), null=True, blank=True)
    pinned_until = models.DateTimeField(_("ghim đến"), null=True, blank=True)

    panels = [
        FieldPanel("story"),
        FieldRowPanel([FieldPanel("pinned_from"), FieldPanel("pinned_until")]),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        if self.pinned_from and self.pinned_until and self.pinned_until <= self.pinned_from:
            raise ValidationError(
                {"pinned_until": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")}
            )

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        if self.pinned_from and now < self.pinned_from:
            return False
        return not (self.pinned_until and now >= self.pinned_until)


def active_pins(pins, now=None):
    """The pins of ``pins`` in force at ``now``, in the editors' order."""
    now = now or timezone.now()
    return (
        pins.filter(Q(pinned_from__isnull=True) | Q(pinned_from__lte=now))
        .filter(Q(pinned_until__isnull=True) | Q(pinned_until__gt=now))
        .order_by("sort_order", "pk")
    )


class HomePagePin(PinBase):
    page = ParentalKey(ExemplarHomePage, on_delete=models.CASCADE, related_name="pins")

    class Meta(PinBase.Meta):
        verbose_name = _("bài ghim")
        verbose_name_plural = _("bài ghim")


class CampaignPagePin(PinBase):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="pins")

    class Meta(PinBase.Meta):
        verbose_name = _("bài ghim")
        verbose_name_plural = _("bài ghim")
