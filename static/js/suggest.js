// Progressive enhancement for the suggestion form: everything here also works without JavaScript.
(function () {
  "use strict";
  var form = document.querySelector("form.suggest__form");
  if (!form) return;

  // After a refused submission, keyboard and screen reader start at the list of what to correct. The list's
  // autofocus does this without scripts; focusing it again on load keeps it if anything took the focus meanwhile.
  var summary = document.getElementById("suggest-errors");
  if (summary) {
    window.addEventListener("load", function () {
      summary.focus();
    });
  }

  function number(n) {
    return n.toLocaleString("en");
  }

  // A live count under each long text field. The fields have no maxlength, so a paste is never cut short;
  // the count says how far over the limit it is, and the server refuses it with the same figures.
  form.querySelectorAll("textarea[data-limit]").forEach(function (field) {
    var limit = Number(field.dataset.limit);
    var count = document.createElement("p");
    count.className = "field__count";
    count.id = field.id + "_count";
    // Screen readers hear the count with the field; only crossing the limit is announced as it happens.
    var announcer = document.createElement("p");
    announcer.className = "visually-hidden";
    announcer.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", count);
    count.insertAdjacentElement("afterend", announcer);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + count.id);

    var wasOver = null;  // null until the first count, which the page's own error message already covers
    function update() {
      // Characters as the server counts them, so an emoji is one, as the reader sees it.
      var length = Array.from(field.value).length;
      var over = length > limit;
      count.textContent = over
        ? number(length) + " characters: " + number(length - limit) + " over the limit of " + number(limit) +
          ". Please shorten it before you submit."
        : number(length) + " of " + number(limit) + " characters";
      count.classList.toggle("field__count--over", over);
      if (wasOver !== null && over !== wasOver) announcer.textContent = over ? count.textContent : "Now within the limit.";
      wasOver = over;
    }
    field.addEventListener("input", update);
    update();
  });
})();
