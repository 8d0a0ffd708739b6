// "Cite this article": copy buttons and the date printed. Without JavaScript the citations are plain,
// selectable text and the printout leaves a line for the date.
(function () {
  "use strict";
  var box = document.getElementById("cite");
  if (!box) return;

  var printed = box.querySelector("[data-print-date]");
  function stampDate() {
    if (printed) {
      printed.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    }
  }
  stampDate();
  window.addEventListener("beforeprint", stampDate);

  var status = box.querySelector("[data-copy-status]");
  function say(message) {
    // Cleared first, so the same message said twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  if (!navigator.clipboard || !window.isSecureContext) return; // the text stays selectable by hand
  box.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var label = button.textContent.replace(/^Copy /, "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.dataset.copyTarget);
      navigator.clipboard.writeText(text.textContent).then(
        function () { say(label.charAt(0).toUpperCase() + label.slice(1) + " copied."); },
        function () {
          selectText(text);
          say("Could not copy; the " + label + " is selected: press Ctrl+C or Cmd+C to copy it.");
        }
      );
    });
  });
})();
