// Copy-link and native share for story pages. Without JavaScript the
// Facebook and Zalo links still work and the copy button stays hidden.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    var status = document.getElementById(button.getAttribute("aria-describedby") || "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-url");
      var done = function (ok) {
        if (status) status.textContent = ok ? button.dataset.copied : button.dataset.failed;
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
      } else {
        // http:// sites have no Clipboard API: fall back to a selected text field.
        var field = document.createElement("textarea");
        field.value = url;
        field.setAttribute("readonly", "");
        field.style.position = "absolute";
        field.style.left = "-9999px";
        document.body.appendChild(field);
        field.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(field);
        done(ok);
      }
    });
  });
})();
