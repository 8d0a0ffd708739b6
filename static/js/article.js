// Progressive enhancement for the article page: everything here also works without JavaScript.
(function () {
  "use strict";
  var article = document.getElementById("article");
  if (!article) return;

  // LLM control: switch modes in place instead of reloading, and keep the URL shareable.
  var control = document.querySelector("[data-llm-control]");
  if (control) {
    control.classList.add("is-enhanced");
    control.addEventListener("change", function (event) {
      if (event.target.name !== "llm") return;
      var mode = event.target.value;
      article.classList.remove("llm-show", "llm-highlight", "llm-hide");
      article.classList.add("llm-" + mode);
      article.dataset.llmMode = mode;
      var url = new URL(window.location.href);
      if (mode === "show") url.searchParams.delete("llm"); else url.searchParams.set("llm", mode);
      window.history.replaceState(null, "", url);
      // The note is a live region the page always has: filling it is what a screen reader announces.
      var note = control.querySelector(".llm-control__note");
      if (note) note.textContent = mode === "hide" ? note.dataset.hiddenNote : "";
    });
  }

  // On a touch screen, tapping a sentence opens its block's "suggest a change" list at that sentence.
  var touch = window.matchMedia("(hover: none), (pointer: coarse)");
  article.addEventListener("click", function (event) {
    if (!touch.matches || event.target.closest("a, button, summary, .suggest-choices")) return;
    var unit = event.target.closest(".unit[id]");
    var link = unit && article.querySelector('.suggest-choices a[href="?suggest=' + unit.id + '#suggest"]');
    if (!link) return;
    article.querySelectorAll(".is-tapped").forEach(function (el) { el.classList.remove("is-tapped"); });
    unit.classList.add("is-tapped");
    link.classList.add("is-tapped");
    link.closest("details").open = true;
    link.focus();
  });

  // Upvote without leaving the page; the form still posts normally if this fails.
  var form = document.querySelector("form.upvote");
  if (form && window.fetch) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      // aria-disabled rather than disabled, so the button keeps keyboard focus.
      if (button.getAttribute("aria-disabled") === "true") return;
      button.setAttribute("aria-disabled", "true");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          form.querySelector("[data-upvote-count]").textContent = data.upvotes;
          var count = form.querySelector(".upvote__count");
          count.lastChild.textContent = data.upvotes === 1 ? " upvote" : " upvotes";
          button.setAttribute("aria-pressed", "true");
          button.lastChild.textContent = " Upvoted";
        })
        .catch(function () {
          form.submit();
        });
    });
  }
})();
