// The draft page's in-place editor. Everything it does changes the whole-text working copy on the page, which
// the page's own form saves; without this script the editor uses that text directly.
(function () {
  "use strict";
  var host = document.getElementById("draft-preview");
  var textarea = document.getElementById("draft-text");
  var form = document.getElementById("draft-form");
  if (!host || !textarea || !form || host.dataset.editable !== "true" || !window.fetch) return;

  var units = readJSON("draft-units");
  var sources = readJSON("draft-sources");
  var announcer = document.getElementById("draft-announcer");
  var changes = document.getElementById("draft-changes");
  var unsavedNote = document.getElementById("draft-unsaved");
  var at = document.getElementById("draft-at");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var savedText = textarea.value;
  var history = [];
  var panel = null;
  var session = null; // the open edit: {index, op, original}
  var latest = 0; // the newest request; older answers are dropped
  var leaving = false;
  var lastEdited = null; // the sentence the last change left in view, for coming back to it after saving

  function readJSON(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : [];
  }

  function announce(message) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = message; }, 30);
  }

  function excerpt(text) {
    var words = text.split(/\s+/);
    return words.length > 8 ? words.slice(0, 8).join(" ") + "…" : text;
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fn, ms);
    };
  }

  // --- sentences ---------------------------------------------------------------------------------------

  function unitElements() { return host.querySelectorAll(".draft-preview .unit"); }

  function buttonHost(unit) {
    if (unit.tagName === "TR") return unit.lastElementChild;
    if (unit.tagName === "DIV") return unit.querySelector("dd") || unit;
    return unit;
  }

  function enhance() {
    var elements = unitElements();
    if (elements.length !== units.length) return false; // page and data disagree: the text editor still works
    elements.forEach(function (element, index) {
      var unit = units[index];
      element.dataset.index = index;
      element.classList.add("is-editable");
      if (unit.change) element.classList.add("is-" + unit.change);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "unit-edit";
      button.dataset.index = index;
      button.textContent = "\u270E\uFE0E";
      button.setAttribute("aria-label", "Edit sentence " + (index + 1) + ": " + excerpt(unit.text));
      buttonHost(element).appendChild(button);
    });
    var target = host.dataset.target && document.getElementById(host.dataset.target);
    if (target) target.classList.add("is-target");
    return true;
  }

  function unitAt(index) { return host.querySelector('.unit[data-index="' + index + '"]'); }

  function focusUnit(index, scroll) {
    var unit = unitAt(Math.max(0, Math.min(index, units.length - 1)));
    if (!unit) return;
    var button = unit.querySelector(".unit-edit");
    if (scroll) unit.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
    if (button) button.focus({ preventScroll: Boolean(scroll) });
  }

  function reducedMotion() { return window.matchMedia("(prefers-reduced-motion: reduce)").matches; }

  function blockOf(unit) {
    var element = unit;
    while (element.parentElement && !element.parentElement.matches(".draft-preview, .article-section")) {
      element = element.parentElement;
    }
    return element;
  }

  // --- the edit panel ----------------------------------------------------------------------------------

  function field(id, label, multiline, help) {
    var wrap = document.createElement("div");
    wrap.className = "field";
    var labelElement = document.createElement("label");
    labelElement.htmlFor = id;
    labelElement.textContent = label;
    var input = document.createElement(multiline ? "textarea" : "input");
    input.id = id;
    if (multiline) input.rows = 3;
    wrap.append(labelElement, input);
    if (help) {
      var helpElement = document.createElement("p");
      helpElement.className = "field__help";
      helpElement.id = id + "-help";
      helpElement.textContent = help;
      input.setAttribute("aria-describedby", helpElement.id);
      wrap.append(helpElement);
    }
    return wrap;
  }

  function button(label, action, className) {
    var element = document.createElement("button");
    element.type = action === "apply" ? "submit" : "button";
    element.textContent = label;
    element.dataset.action = action;
    if (className) element.className = className;
    return element;
  }

  function buildPanel() {
    var element = document.createElement("form");
    element.className = "unit-editor";
    element.setAttribute("aria-labelledby", "unit-editor-title");
    element.noValidate = true;
    var title = document.createElement("h3");
    title.id = "unit-editor-title";
    title.tabIndex = -1;
    element.append(title);
    element.append(field("unit-editor-term", "Key term"));
    element.append(field("unit-editor-goal", "Goal"));
    element.append(field("unit-editor-objective", "SMART objective", true));
    element.append(field(
      "unit-editor-text", "Sentence", true,
      "As readers see it, closing full stop included; Markdown such as *emphasis* works. Enter applies, Escape cancels."
    ));
    var provenance = document.createElement("fieldset");
    provenance.className = "unit-editor__provenance";
    var legend = document.createElement("legend");
    legend.textContent = "Provenance";
    provenance.append(legend);
    [["cited", "Cited: choose the sources below, in the order the marker lists them"],
     ["llm", "LLM: model-written and unsourced"]].forEach(function (choice) {
      var label = document.createElement("label");
      label.className = "unit-editor__kind";
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "unit-editor-kind";
      radio.value = choice[0];
      label.append(radio, " " + choice[1]);
      provenance.append(label);
    });
    var list = document.createElement("ul");
    list.className = "unit-editor__sources";
    list.setAttribute("aria-label", "The article's sources");
    sources.forEach(function (source) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = source.number;
      box.name = "unit-editor-source";
      var badge = document.createElement("span");
      badge.className = "tier-badge tier-badge--" + source.tier.toLowerCase();
      badge.textContent = source.tier;
      label.append(box, " [" + source.number + "] " + source.title + " ", badge);
      item.append(label);
      list.append(item);
    });
    provenance.append(list);
    var marker = document.createElement("p");
    marker.className = "unit-editor__marker";
    marker.setAttribute("aria-live", "polite");
    provenance.append(marker);
    element.append(provenance);
    var error = document.createElement("div");
    error.className = "unit-editor__error form-errors";
    error.setAttribute("role", "alert");
    error.hidden = true;
    element.append(error);
    var buttons = document.createElement("div");
    buttons.className = "unit-editor__buttons";
    buttons.append(
      button("Apply", "apply", "button--primary"),
      button("Add a sentence after", "add"),
      button("Remove sentence", "remove", "button--quiet"),
      button("Cancel", "cancel", "button--quiet")
    );
    element.append(buttons);

    element.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    element.addEventListener("click", function (event) {
      var action = event.target.dataset && event.target.dataset.action;
      if (action === "cancel") close(true);
      else if (action === "remove") remove();
      else if (action === "add") startAdding();
    });
    element.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      } else if (event.key === "Enter" && !event.shiftKey && event.target.matches("textarea, input")) {
        event.preventDefault(); // a sentence is one line: Enter applies it, from any of its fields
        apply();
      }
    });
    element.addEventListener("change", function (event) {
      if (event.target.name === "unit-editor-source") {
        var number = Number(event.target.value);
        session.chosen = session.chosen.filter(function (n) { return n !== number; });
        if (event.target.checked) {
          session.chosen.push(number);
          radio("cited").checked = true;
        }
      }
      showMarker();
      previewDiff();
    });
    element.addEventListener("input", function (event) {
      if (event.target.tagName !== "INPUT" || event.target.type === "text") previewDiff();
    });
    return element;
  }

  function radio(value) { return panel.querySelector('input[name="unit-editor-kind"][value="' + value + '"]'); }
  function input(name) { return panel.querySelector("#unit-editor-" + name); }

  function provenanceValue() {
    if (radio("llm").checked) return "llm";
    return session.chosen.join(",");
  }

  function showMarker() {
    var value = provenanceValue();
    var text = value === "llm" ? "[LLM]" : value ? "[" + value + "]" : "none chosen yet";
    panel.querySelector(".unit-editor__marker").textContent = "Marker: " + text;
    panel.querySelectorAll('input[name="unit-editor-source"]').forEach(function (box) {
      box.checked = value !== "llm" && session.chosen.indexOf(Number(box.value)) !== -1;
    });
  }

  function fill(unit, op, index) {
    var kind = unit ? unit.kind : units[index].kind;
    panel.querySelector("#unit-editor-title").textContent = op === "add"
      ? "New sentence after sentence " + (index + 1)
      : "Edit sentence " + (index + 1) + " of " + units.length;
    input("term").parentElement.hidden = kind !== "key_terms";
    input("goal").parentElement.hidden = kind !== "smart";
    input("objective").parentElement.hidden = kind !== "smart";
    input("term").value = unit ? unit.term : "";
    input("goal").value = unit ? unit.goal : "";
    input("objective").value = unit ? unit.objective : "";
    input("text").value = unit ? unit.text : "";
    var llm = unit && unit.provenance === "llm";
    session.chosen = unit && !llm ? unit.provenance.slice() : [];
    radio("llm").checked = llm;
    radio("cited").checked = Boolean(unit) && !llm;
    panel.querySelector(".unit-editor__buttons [data-action=remove]").hidden = op === "add";
    panel.querySelector(".unit-editor__buttons [data-action=add]").hidden = op === "add";
    panel.querySelector(".unit-editor__error").hidden = true;
    showMarker();
  }

  function open(index, op) {
    if (session) close(false);
    panel = panel || buildPanel();
    session = { index: index, op: op, chosen: [] };
    var unit = unitAt(index);
    unit.classList.add("is-editing");
    unit.setAttribute("aria-current", "true");
    blockOf(unit).after(panel);
    fill(op === "edit" ? units[index] : null, op, index);
    session.original = snapshot();
    // The whole panel in view if it fits, so its sources and buttons need no scrolling.
    var fits = panel.getBoundingClientRect().height <= window.innerHeight;
    panel.scrollIntoView({ block: fits ? "nearest" : "start", behavior: "instant" });
    input("text").focus({ preventScroll: true });
    if (op === "edit") input("text").select();
  }

  function snapshot() {
    return [input("text").value, input("term").value, input("goal").value, input("objective").value, provenanceValue()].join("\u0000");
  }

  function close(restoreFocus) {
    if (!session) return;
    var index = session.index;
    var unit = unitAt(index);
    if (unit) {
      unit.classList.remove("is-editing");
      unit.removeAttribute("aria-current");
    }
    panel.remove();
    session = null;
    if (restoreFocus) focusUnit(index, false);
  }

  function startAdding() {
    var index = session.index;
    if (snapshot() !== session.original) {
      apply(function () { open(index, "add"); });
    } else {
      open(index, "add");
    }
  }

  function showError(message) {
    var error = panel.querySelector(".unit-editor__error");
    error.textContent = message;
    error.hidden = false;
  }

  // --- talking to the server ---------------------------------------------------------------------------

  function post(fields) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf);
    body.append("text", textarea.value);
    Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
    var request = ++latest;
    return fetch(host.dataset.previewUrl, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json", "X-CSRFToken": csrf },
      credentials: "same-origin",
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      // Before the type: the site's error pages are HTML, and a 503 (database briefly down) is no sign-out.
      if (response.status >= 500) throw new Error(String(response.status));
      // Also an HTML page: the whole text, as sent, is over what the wiki accepts in one request.
      if (response.status === 413) throw new Error("413");
      if (response.redirected || type.indexOf("json") === -1) {
        // Signed out meanwhile: the sign-in page came back instead of an answer.
        throw new Error("signed-out");
      }
      if (response.status === 403) throw new Error(String(response.status));
      return response.json();
    }).then(function (data) {
      data.stale = request !== latest;
      return data;
    });
  }

  function failure(error, what) {
    if (error && error.message === "signed-out") {
      return what + ": you seem to be signed out. Copy your working text from the whole-text editor below, " +
        "reload the page to sign in again, and paste it back.";
    }
    if (error && error.message === "413") {
      return what + ": the whole text is more than the wiki accepts in one request. Your edit is still here; " +
        "shorten the text in the whole-text editor below, then try again.";
    }
    if (error && error.message === "503") {
      return what + ": the wiki is briefly unavailable. Your edit is still here; try again in a minute.";
    }
    return what + ": the connection failed. Try again, or use the whole text below.";
  }

  function editFields(op) {
    return {
      op: op,
      index: session.index,
      sentence: input("text").value,
      provenance: provenanceValue(),
      term: input("term").value,
      goal: input("goal").value,
      objective: input("objective").value,
    };
  }

  function apply(then) {
    if (!session) return;
    post(editFields(session.op)).then(function (data) {
      if (!data.ok) {
        showError(data.message || "This change could not be made.");
        return;
      }
      close(false);
      take(data, true);
      if (then) then();
      else focusUnit(data.focus, true);
      announce(data.message);
    }).catch(function (error) {
      showError(failure(error, "The change could not be checked"));
    });
  }

  function remove() {
    var index = session.index;
    session.op = "remove";
    post({ op: "remove", index: index }).then(function (data) {
      if (!data.ok) {
        session.op = "edit";
        showError(data.message);
        return;
      }
      close(false);
      take(data, true);
      focusUnit(data.focus, true);
      announce(data.message);
    }).catch(function (error) {
      session.op = "edit";
      showError(failure(error, "The sentence could not be removed"));
    });
  }

  // While an edit is open, the changes list follows what is typed, without touching the working copy.
  var previewDiff = debounce(function () {
    if (!session || session.op === "remove") return;
    post(editFields(session.op)).then(function (data) {
      if (data.ok && !data.stale && session) changes.innerHTML = data.diff_html;
    }).catch(function () {});
  }, 600);

  function take(data, record) {
    if (record && data.text !== textarea.value) history.push(textarea.value);
    textarea.value = data.text;
    units = data.units;
    sources = data.sources;
    if (data.focus !== null && data.focus !== undefined) lastEdited = data.focus;
    if (panel) { panel.remove(); panel = null; }
    host.innerHTML = data.preview_html;
    changes.innerHTML = data.diff_html;
    enhance();
    markUnsaved();
  }

  // Typing in the whole text keeps the preview and the changes in step.
  var previewText = debounce(function () {
    post({}).then(function (data) {
      if (data.stale) return;
      if (!data.ok) {
        announce("The working copy has errors; the preview waits until it reads as an article again.");
        return;
      }
      if (session) { changes.innerHTML = data.diff_html; return; }
      var focused = document.activeElement;
      take(data, false);
      if (focused === textarea) textarea.focus();
    }).catch(function () {});
  }, 900);

  // --- saving ------------------------------------------------------------------------------------------

  var undo = document.createElement("button");
  undo.type = "button";
  undo.className = "button--quiet";
  undo.textContent = "Undo the last change";
  undo.hidden = true;
  form.querySelector(".draft-save__buttons").append(undo);
  undo.addEventListener("click", function () {
    if (!history.length) return;
    textarea.value = history.pop();
    post({}).then(function (data) {
      if (data.ok) take(data, false);
      announce("Last change undone.");
    });
  });

  function markUnsaved() {
    var unsaved = textarea.value !== savedText;
    unsavedNote.hidden = !unsaved;
    undo.hidden = !history.length;
    document.querySelectorAll("form[data-needs-saved] button").forEach(function (element) {
      element.setAttribute("aria-disabled", unsaved ? "true" : "false");
    });
  }

  document.querySelectorAll("form[data-needs-saved]").forEach(function (other) {
    other.addEventListener("submit", function (event) {
      if (textarea.value !== savedText) {
        event.preventDefault();
        announce("Save your changes first: this acts on the saved draft.");
        unsavedNote.textContent = "You have unsaved changes: save them first.";
        unsavedNote.hidden = false;
      }
    });
  });

  form.addEventListener("submit", function () {
    leaving = true;
    var edited = unitAt(session ? session.index : lastEdited);
    if (edited && edited.id) at.value = edited.id;
  });

  window.addEventListener("beforeunload", function (event) {
    if (!leaving && textarea.value !== savedText) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // --- wiring ------------------------------------------------------------------------------------------

  if (!enhance()) return;

  host.addEventListener("click", function (event) {
    if (event.target.closest("a, .unit-editor")) return;
    var unit = event.target.closest(".unit.is-editable");
    if (!unit) return;
    if (window.getSelection && String(window.getSelection()).length && !event.target.closest(".unit-edit")) return;
    var index = Number(unit.dataset.index);
    if (session && session.index === index && session.op === "edit") return;
    open(index, "edit");
  });

  // Links to a sentence ("Go to the sentence the reader pointed at") leave the keyboard on its edit button.
  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#u"]');
    var unit = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!unit || !host.contains(unit) || !unit.dataset.index) return;
    event.preventDefault();
    window.history.replaceState(null, "", link.getAttribute("href"));
    focusUnit(Number(unit.dataset.index), true);
  });

  textarea.addEventListener("input", function () {
    markUnsaved();
    previewText();
  });

  // Open where the reader pointed, unless the address already names a place.
  var target = host.dataset.target && document.getElementById(host.dataset.target);
  if (target && !window.location.hash) target.scrollIntoView({ block: "center", behavior: "instant" });
})();
