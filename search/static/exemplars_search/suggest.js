// Autocomplete under the search box: titles for the words typed so far.
(function () {
  "use strict";
  var input = document.getElementById("xs-q");
  var list = document.getElementById("xs-suggest");
  if (!input || !list || !window.fetch) return;
  var url = input.getAttribute("data-suggest-url");
  var timer = null;
  var controller = null;
  var active = -1;

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
  }

  function render(items) {
    list.innerHTML = "";
    active = -1;
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "xs-suggest-" + i;
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title; // text, never HTML
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }

  function move(step) {
    var options = list.querySelectorAll("li");
    if (!options.length) return;
    if (active >= 0) options[active].removeAttribute("aria-selected");
    active = (active + step + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(function () {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(q), controller ? { signal: controller.signal } : {})
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { render(data.suggestions || []); })
        .catch(function () { /* aborted or offline: keep the box usable */ });
    }, 150);
  });

  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      window.location.href = list.querySelectorAll("a")[active].href;
    }
  });

  document.addEventListener("click", function (e) {
    if (e.target !== input && !list.contains(e.target)) close();
  });
})();
