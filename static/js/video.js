// Video resources: the player loads only when the reader asks, so no video host hears of a page view.
// Without JavaScript the button stays hidden and the link to the video is all there is.
(function () {
  "use strict";
  document.querySelectorAll("[data-video-embed]").forEach(function (box) {
    var button = box.querySelector(".video-embed__play");
    var note = box.querySelector(".video-embed__note");
    button.hidden = false;
    note.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.dataset.player;
      frame.title = box.dataset.title;
      frame.className = "video-embed__frame";
      frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      box.replaceChildren(frame);
      frame.focus();
    });
  });
})();
