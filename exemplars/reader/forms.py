"""What guards a form readers post from a cached page: comments and contest entries.

Reader pages are cached whole and shared by every anonymous reader, so they
carry no CSRF token and set no cookie; their forms post to endpoints that are
CSRF-exempt and guarded instead by:

- a hidden honeypot field that people never see and bots fill;
- a signed timestamp token rendered in the page, bound to its target (the
  story, the contest). Cached, the same token is handed to everyone: it proves
  only that the form was loaded from our page recently, not who loaded it;
- a per-address rate limit kept in the Django cache.

A token is minted only where our page renders the form for a public page
(never on a failed post: an answer to a POST would otherwise hand a fresh,
valid token to whoever asks, page loaded or not). A failed post shows the
reader's own token back while it is still good, so they can correct and resend;
once it has expired they reload the page. Restricted pages (login, password)
take no posts at all: their endpoints answer as for an unknown page
(:func:`takes_reader_posts`).

None of this identifies a reader; what a reader writes is held for an editor
(comments) or checked against the entries already in (contests).
"""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from exemplars.text import nfc

DEFAULTS = {
    # A cached page lives up to the page cache's timeout, then the reader takes
    # their time writing: the token must outlive both.
    "TOKEN_MAX_AGE": 6 * 3600,
    # The token's clock ticks in these steps (see make_token).
    "TOKEN_STEP": 600,
    # Posts per address per window, for each kind of form.
    "RATE": 3,
    "RATE_WINDOW": 60,
    # Peers whose X-Forwarded-For is believed: the proxy in front of gunicorn.
    "TRUSTED_PROXIES": ["127.0.0.1", "::1"],
}
HONEYPOT = "website"
TOKEN = "token"


def reader_form_settings() -> dict:
    return DEFAULTS | getattr(settings, "EXEMPLARS_READER_FORMS", {})


def _bucket(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // reader_form_settings()["TOKEN_STEP"])


def _signer():
    return signing.Signer(salt="exemplars.reader.forms")


def make_token(target: str) -> str:
    """The token a page renders for the form posting to ``target`` ("comment:12").

    It carries the time in steps of ``TOKEN_STEP``, not seconds: two renders
    of a page within a step are the same bytes, so its ETag holds and readers
    revalidating get a 304 even when the page cache is off."""
    return _signer().sign(f"{target}|{_bucket()}")


def check_token(token: str, target: str) -> bool:
    try:
        value = _signer().unsign(token or "")
    except signing.BadSignature:
        return False
    signed_target, _sep, bucket = value.rpartition("|")
    if signed_target != target or not bucket.isdigit():
        return False
    conf = reader_form_settings()
    age = (_bucket() - int(bucket)) * conf["TOKEN_STEP"]
    return 0 <= age <= conf["TOKEN_MAX_AGE"]


def client_address(request) -> str:
    """The reader's address. Behind our proxy (deploy/nginx.conf) the peer is the
    proxy, which appends the address it saw to X-Forwarded-For: the rightmost
    entry that is not a trusted proxy is the reader's. Entries to its left came
    from the client and may be forged, so they are never read."""
    peer = request.META.get("REMOTE_ADDR", "") or "unknown"
    trusted = set(reader_form_settings()["TRUSTED_PROXIES"])
    if peer not in trusted:
        return peer
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if address not in trusted:
            return address
    return peer


def over_rate(request, kind: str) -> bool:
    """Count this post against the address's budget; True when it is spent."""
    conf = reader_form_settings()
    window = int(time.time() // conf["RATE_WINDOW"])
    key = f"exemplars-rate:{kind}:{client_address(request)}:{window}"
    try:
        cache.add(key, 0, conf["RATE_WINDOW"] * 2)
        count = cache.incr(key)
    except Exception:
        # A cache outage must not take the forms down; the honeypot and the
        # token still stand, and editors still moderate.
        return False
    return count > conf["RATE"]


class GuardedForm(forms.Form):
    """A reader form with the honeypot and the token; ``target`` names what it posts to."""

    website = forms.CharField(
        required=False,
        label=_("Để trống ô này"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, target: str, **kwargs):
        self.target = target
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[TOKEN] = make_token(target)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("Không gửi được: ô ẩn dành để chặn thư rác đã bị điền."), code="honeypot"
            )
        if not check_token(cleaned.get(TOKEN, ""), self.target):
            raise forms.ValidationError(
                _(
                    "Biểu mẫu đã hết hạn. Vui lòng chép lại nội dung bạn đã viết (bên dưới), "
                    "tải lại trang rồi gửi lại."
                ),
                code="token",
            )
        return cleaned

    def token_value(self) -> str:
        """The token the rendered form carries.

        Unbound (our page renders the form): the one minted in ``__init__``.
        Bound (shown again after a failed post): the token the reader posted,
        unchanged and only while it is still good for this target, else none;
        a failed post never mints one."""
        if not self.is_bound:
            return self.initial[TOKEN]
        posted = self.data.get(TOKEN, "")
        return posted if isinstance(posted, str) and check_token(posted, self.target) else ""


def plain_text(value: str, *, single_line: bool = False) -> str:
    """What a reader typed, as text we store: NFC, no control characters, trimmed.

    HTML is not removed but kept as the characters typed; every template escapes it.
    """

    value = nfc(value or "").replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in value if ch == "\n" or (ch.isprintable() or ch == "\t"))
    if single_line:
        return " ".join(kept.split())
    lines = [line.rstrip() for line in kept.split("\n")]
    return "\n".join(lines).strip()


class PlainTextField(forms.CharField):
    """A CharField whose value is cleaned by ``plain_text`` before its length is checked."""

    def __init__(self, *args, single_line: bool = False, **kwargs):
        self.single_line = single_line
        kwargs.setdefault("strip", False)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return plain_text(super().to_python(value), single_line=self.single_line)


def takes_reader_posts(page) -> bool:
    """Whether ``page`` shows a reader form and its endpoint stores what is posted.

    Only public pages do. A page under a view restriction (its own or an
    ancestor's, login or password) is not shown to anonymous readers, and the
    endpoints are CSRF-exempt and cookie-blind, so they cannot tell who passed
    the restriction: they answer as for an unknown page, and the page renders
    no form (no token is minted for it)."""
    return not page.get_view_restrictions().exists()


def answer_language(request) -> str:
    """The language of the page the form was on (a hidden field): the endpoints
    live outside the language-prefixed URLs, so the address cannot tell."""
    wanted = request.POST.get("lang", "")
    return wanted if wanted in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
