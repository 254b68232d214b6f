// Filters for the findings, the article picker, j/k between findings, and highlighting of the span a link
// jumps to. Nothing here fetches anything, and the page works without it: every finding is shown, every
// article's statements can be opened, and every link still jumps.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var keys = document.getElementById("keys");
  var pick = document.getElementById("pick");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var views = Array.prototype.slice.call(document.querySelectorAll("details.article-view"));
  var current = null;  // the finding j/k last moved to

  function apply() {
    var severities = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]:checked"))
      .map(function (box) { return box.value; });
    var kind = form.elements.kind.value;
    var doc = form.elements.doc.value;
    var count = 0;
    findings.forEach(function (f) {
      var visible = severities.indexOf(f.dataset.severity) >= 0 &&
        (!kind || f.dataset.kind === kind) &&
        (!doc || f.dataset.docs.split(" ").indexOf(doc) >= 0);
      f.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = count === findings.length ? count + " findings"
      : "Showing " + count + " of " + findings.length + " findings";
  }

  // With the picker on, one article's statements are shown at a time.
  function showArticle(id) {
    views.forEach(function (v) {
      v.hidden = v.id !== id;
      v.open = v.id === id;
    });
    pick.elements.article.value = id;
  }

  // A link may lead where the page hides things: a finding the filters hide, an article not picked.
  // Returns whether it showed something, so that the caller scrolls to the target again.
  function reveal(target) {
    var revealed = false;
    var finding = target.closest("article.finding");
    if (finding) {
      current = finding;  // j/k go on from a finding a link led to
      if (finding.hidden && form) {
        form.reset();
        apply();
        revealed = true;
      }
    }
    var view = target.closest("details.article-view");
    if (view && (view.hidden || !view.open)) {
      if (pick) { showArticle(view.id); } else { view.open = true; }
      revealed = true;
    }
    return revealed;
  }

  function highlight() {
    Array.prototype.forEach.call(document.querySelectorAll(".target"), function (el) {
      el.classList.remove("target");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (target && reveal(target)) { target.scrollIntoView({block: "start"}); }
    var parts = document.querySelectorAll("[data-spans]");
    var first = null;
    Array.prototype.forEach.call(parts, function (el) {
      if (el.closest(".text") && el.dataset.spans.split(" ").indexOf(id) >= 0) {
        el.classList.add("target");
        first = first || el;
      }
    });
    if (first) { first.scrollIntoView({block: "center"}); }
  }

  // j/n: next finding, k/p: previous, among those the filters show; never while typing in a field.
  function typing(el) {
    if (!el) { return false; }
    if (el.isContentEditable || el.tagName === "SELECT" || el.tagName === "TEXTAREA") { return true; }
    return el.tagName === "INPUT" && ["checkbox", "radio", "button", "submit", "reset"].indexOf(el.type) < 0;
  }

  function move(step) {
    var list = findings.filter(function (f) { return !f.hidden; });
    if (!list.length) { return; }
    var here = document.activeElement && document.activeElement.closest("article.finding");
    var at = list.indexOf(here || current);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(at + step, 0), list.length - 1);
    current = list[next];
    current.focus({preventScroll: true});
    current.scrollIntoView({block: "start"});
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var step = {j: 1, n: 1, k: -1, p: -1}[event.key];
    if (step) {
      event.preventDefault();
      move(step);
    }
  }

  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  if (findings.length) {
    keys.hidden = false;
    document.addEventListener("keydown", onKey);
  }
  if (pick && views.length) {
    pick.hidden = false;
    pick.addEventListener("change", function () { showArticle(pick.elements.article.value); });
    pick.addEventListener("submit", function (event) { event.preventDefault(); });
    showArticle(views[0].id);
  }
  window.addEventListener("hashchange", highlight);
  highlight();
}());
