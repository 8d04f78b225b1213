"""An editor at the admin over HTTP: logs in, reads a form as the browser shows
it, changes some fields and posts it back, as the person at the desk would.

Forms are read from the HTML (inputs, text areas, selects), so a snippet's
edit form is posted with every field it renders. Page edit forms build their
StreamField in the browser's JavaScript: those are posted with the data the
suite's desk helpers build from the page (``tests.exemplars.desk``).
"""

from __future__ import annotations

import http.client
import json
import re
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode, urlsplit


class FormParser(HTMLParser):
    """The fields of every ``<form method="post">`` in a page, as a browser would post them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "id": a.get("id"), "fields": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._form["fields"].append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {"name": name, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            s = self._select
            for value in s["chosen"]:
                self._form["fields"].append((s["name"], value))
            self._select = None
        elif tag == "form":
            self._form = None


def post_forms(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


class AdminClient:
    """One editor's session against a running server (cookies kept, CSRF sent)."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.port = port
        self.host = host
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        # As a browser sends it: anything outside ASCII percent-encoded in UTF-8.
        path = quote(path, safe="/?=&%+:;,@!$'()*~#")
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response, data

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, *, referer=None):
        body = urlencode(fields, doseq=True).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
            "Referer": referer or f"http://{self.host}:{self.port}{path}",
        }
        return self.request("POST", path, body=body, headers=headers)

    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")

    def login(self, username: str, password: str) -> None:
        response, body = self.get("/admin/login/")
        assert response.status == 200, response.status
        form = next(
            f for f in post_forms(body.decode()) if any(n == "username" for n, _ in f["fields"])
        )
        fields = [(n, v) for n, v in form["fields"] if n not in ("username", "password")]
        fields += [("username", username), ("password", password)]
        response, body = self.post("/admin/login/", fields)
        assert response.status == 302, (response.status, body[:500])
        assert "sessionid" in self.cookies

    def submit(self, path: str, changes: dict | None = None, *, action: str | None = None):
        """GET the form at ``path``, apply ``changes`` (name -> value or list), POST it back."""
        response, body = self.get(path)
        assert response.status == 200, (path, response.status)
        html = body.decode()
        if response.getheader("Content-Type", "").startswith("application/json"):
            # A modal (the privacy setting): its HTML travels in JSON.
            html = json.loads(html)["html"]
        forms = [
            f for f in post_forms(html) if any(n == "csrfmiddlewaretoken" for n, _ in f["fields"])
        ]
        target = urlsplit(path).path
        form = next((f for f in forms if urlsplit(f["action"]).path == target), None) or max(
            forms, key=lambda f: len(f["fields"])
        )
        changes = changes or {}
        fields = [(n, v) for n, v in form["fields"] if n not in changes]
        for name, value in changes.items():
            for item in value if isinstance(value, list | tuple) else [value]:
                fields.append((name, item))
        if action:
            fields.append((action, action))
        return self.post(path, fields)

    def post_data(self, path: str, data: dict, *, action: str | None = None):
        """POST ``data`` (already complete, e.g. a page's edit form) with the session's CSRF."""
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        flat = []
        for name, value in fields:
            if isinstance(value, list | tuple):
                flat.extend((name, v) for v in value)
            else:
                flat.append((name, value))
        flat.append(("csrfmiddlewaretoken", self.csrf()))
        if action:
            flat.append((action, action))
        return self.post(path, flat)


def messages_in(body: bytes) -> str:
    """The admin's error messages, for an assertion's explanation."""
    text = body.decode(errors="replace")
    found = re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)</', text, flags=re.S)
    return " | ".join(re.sub(r"\s+", " ", f).strip() for f in found if f.strip())[:2000]
