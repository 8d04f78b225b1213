// Autocomplete under the search box, as ARIA 1.2's combobox with a listbox popup:
// focus stays in the text box, the arrows move aria-activedescendant over the
// options, Enter opens the chosen story, Escape closes the list.
(function () {
  "use strict";
  var input = document.getElementById("xs-q");
  var list = document.getElementById("xs-suggest");
  if (!input || !list || !window.fetch) return;
  var url = input.getAttribute("data-suggest-url");
  var timer = null;
  var controller = null;
  var active = -1;

  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function open(href) {
    window.location.href = href;
  }

  function render(items) {
    close();
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.id = "xs-suggest-" + i;
      li.setAttribute("data-href", item.url);
      li.textContent = item.title; // text, never HTML
      list.appendChild(li);
    });
    if (items.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  function move(step) {
    var all = options();
    if (!all.length) return;
    if (active >= 0) all[active].setAttribute("aria-selected", "false");
    active = (active + step + all.length) % all.length;
    all[active].setAttribute("aria-selected", "true");
    all[active].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", all[active].id);
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
    else if (e.key === "Escape") { e.preventDefault(); close(); }
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      open(options()[active].getAttribute("data-href"));
    }
  });

  // mousedown, not click: the box must not lose focus (and close) first.
  list.addEventListener("mousedown", function (e) {
    var option = e.target.closest("[role=option]");
    if (option) { e.preventDefault(); open(option.getAttribute("data-href")); }
  });

  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
