# Sub-packages keep their models beside their views; one app label, one migration graph.
from ..booklets.models import Booklet, BookletEntry
from ..comments.models import Comment
from ..contests.models import ContestEntry, ContestPage, ContestQuestion
from ..events.models import Event, StoryEvent
from .editorial import HonourVerificationTask  # noqa: F401
from .pages import (
    CampaignPage,
    CampaignPagePin,
    ExemplarHomePage,
    ExemplarStoryPage,
    HomePagePin,
    SectionPage,
    StoryByline,
    StoryTag,
)
from .snippets import (
    Author,
    Award,
    Campaign,
    CampaignDrive,
    Exemplar,
    ExemplarStageChange,
    Field,
    Honour,
    Level,
    Locality,
    Stage,
    Status,
)

__all__ = [
    "Author",
    "Award",
    "Booklet",
    "BookletEntry",
    "Campaign",
    "CampaignDrive",
    "CampaignPage",
    "CampaignPagePin",
    "Comment",
    "ContestEntry",
    "ContestPage",
    "ContestQuestion",
    "Exemplar",
    "ExemplarStageChange",
    "ExemplarStoryPage",
    "Event",
    "Field",
    "ExemplarHomePage",
    "HomePagePin",
    "Honour",
    "Level",
    "Locality",
    "SectionPage",
    "Stage",
    "Status",
    "StoryByline",
    "StoryEvent",
    "StoryTag",
]
