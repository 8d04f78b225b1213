# Sub-packages keep their models beside their views; one app label, one migration graph.
from exemplars.booklets.models import Booklet, BookletEntry
from exemplars.comments.models import Comment
from exemplars.contests.models import ContestEntry, ContestPage, ContestQuestion
from exemplars.events.models import Event, StoryEvent
from exemplars.models.editorial import HonourVerificationTask  # noqa: F401
from exemplars.models.pages import (
    CampaignPage,
    CampaignPagePin,
    ExemplarHomePage,
    ExemplarStoryPage,
    HomePagePin,
    SectionPage,
    StoryByline,
    StoryTag,
)
from exemplars.models.snippets import (
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
