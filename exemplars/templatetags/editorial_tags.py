"""Template helpers for the editors' admin screens (honour verification modal)."""

from django import template

from exemplars.honours import check_honours
from exemplars.models.editorial import story_under_review

register = template.Library()


@register.simple_tag
def honour_checks(task_state):
    """The comparison of the cited honours with the exemplar's record, for a task state."""
    story = story_under_review(task_state)
    return {"story": story, "checks": check_honours(story)}
