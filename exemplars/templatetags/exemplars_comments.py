"""``{% story_comments page %}``: a story's approved comments and the form to add one."""

from __future__ import annotations

from django import template

from exemplars.comments.forms import CommentForm
from exemplars.comments.models import Comment
from exemplars.comments.views import comment_target
from exemplars.reader.forms import takes_reader_posts

register = template.Library()


@register.inclusion_tag("exemplars/comments/story_comments.html", takes_context=True)
def story_comments(context, story):
    if story.pk is None:
        # The preview of a story not saved yet: nothing to show, nowhere to post.
        return {"story": story, "comments": [], "form": None, "unsaved": True}
    comments = list(Comment.objects.approved().filter(story=story).order_by("created_at", "pk"))
    # A restricted story takes no comments (its endpoint answers 404): no form, no token.
    takes_comments = story.comments_open and takes_reader_posts(story)
    form = CommentForm(target=comment_target(story)) if takes_comments else None
    return {"story": story, "comments": comments, "form": form, "request": context.get("request")}
