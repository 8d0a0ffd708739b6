// Back-links, progressively enhanced: each source entry lists the sentences citing it as #u12 links (which
// work without JavaScript); this adds a bar to step through them one by one and back to the source.
(function () {
  "use strict";
  var entries = document.querySelectorAll("[data-backlinks]");
  if (!entries.length) return;

  var bar = document.createElement("nav");
  bar.className = "backlink-stepper";
  bar.setAttribute("aria-label", "Sentences citing a source");
  bar.hidden = true;
  bar.innerHTML =
    '<span class="backlink-stepper__where" aria-live="polite"></span> ' +
    '<button type="button" data-step="-1">Previous</button> ' +
    '<button type="button" data-step="1">Next</button> ' +
    '<a class="backlink-stepper__back" href="#">Back to the source</a> ' +
    '<button type="button" class="backlink-stepper__close" aria-label="Close">×</button>';
  document.body.appendChild(bar);
  var where = bar.querySelector(".backlink-stepper__where");
  var back = bar.querySelector(".backlink-stepper__back");
  var state = null; // {number, links, index, opener}
  var lastCited = {}; // source number -> key of the sentence whose citation the reader followed

  function show(index) {
    var link = state.links[index];
    state.index = index;
    var key = link.getAttribute("href").slice(1);
    var unit = document.getElementById(key);
    document.querySelectorAll(".unit.is-stepped").forEach(function (u) { u.classList.remove("is-stepped"); });
    window.history.replaceState(null, "", "#" + key);
    where.textContent = "Source " + state.number + ": sentence " + (index + 1) + " of " + state.links.length +
      ", in " + link.dataset.section;
    // aria-disabled, not disabled: a disabled button drops the keyboard focus on it to the top of the page.
    unavailable(bar.querySelector('[data-step="-1"]'), index === 0);
    unavailable(bar.querySelector('[data-step="1"]'), index === state.links.length - 1);
    back.setAttribute("href", "#source-" + state.number);
    bar.hidden = false;
    // The sentence is brought into the part of the screen the bar leaves free, never behind it; one too long
    // to fit there (large text on a phone) from its first line.
    var covered = bar.offsetHeight + 8;
    document.documentElement.style.scrollPaddingBottom = covered + "px";
    if (unit) {
      unit.classList.add("is-stepped");
      var fits = unit.getBoundingClientRect().height <= window.innerHeight - covered;
      unit.scrollIntoView({ block: fits ? "center" : "start" });
    }
  }

  function unavailable(button, yes) {
    if (yes) button.setAttribute("aria-disabled", "true"); else button.removeAttribute("aria-disabled");
  }

  // The bar is the last thing on the page: the keyboard goes to it, and back to where the reader was after.
  function start(entry, index, opener) {
    state = {
      number: entry.dataset.backlinks,
      links: Array.prototype.slice.call(entry.querySelectorAll("a[href^='#u']")),
      opener: opener,
    };
    show(index);
    var next = bar.querySelector('[data-step="1"]');
    (next.hasAttribute("aria-disabled") ? back : next).focus({ preventScroll: true });
  }

  function close(returnFocus) {
    bar.hidden = true;
    document.documentElement.style.scrollPaddingBottom = "";
    document.querySelectorAll(".unit.is-stepped").forEach(function (u) { u.classList.remove("is-stepped"); });
    if (returnFocus && state && state.opener) state.opener.focus();
  }

  entries.forEach(function (entry) {
    var links = entry.querySelectorAll("a[href^='#u']");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "backlinks__step button--small";
    button.textContent = links.length === 1 ? "Go to it" : "Step through them";
    button.addEventListener("click", function () {
      var from = lastCited[entry.dataset.backlinks];
      var index = 0;
      links.forEach(function (link, i) { if (link.getAttribute("href") === "#" + from) index = Math.min(i + 1, links.length - 1); });
      start(entry, index, button);
    });
    entry.appendChild(button);
    links.forEach(function (link, i) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        start(entry, i, link);
      });
    });
  });

  // Following a citation from a sentence: stepping from that source continues after this sentence.
  document.addEventListener("click", function (event) {
    var cite = event.target.closest && event.target.closest("a.cite");
    if (!cite) return;
    var unit = cite.closest(".unit");
    if (unit && unit.id) lastCited[cite.getAttribute("href").replace("#source-", "")] = unit.id;
  });

  bar.addEventListener("click", function (event) {
    var step = event.target.dataset && event.target.dataset.step;
    if (step && state && !event.target.hasAttribute("aria-disabled")) show(state.index + Number(step));
    if (event.target === back) close(false); // the link itself takes the reader to the source
    if (event.target.classList.contains("backlink-stepper__close")) close(true);
  });
  bar.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close(true);
  });
})();
