// Filters for the findings and highlighting of the span a link jumps to. Nothing here fetches anything,
// and the page works without it: every finding is shown and every link still jumps.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));

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

  function highlight() {
    Array.prototype.forEach.call(document.querySelectorAll(".target"), function (el) {
      el.classList.remove("target");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
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

  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  window.addEventListener("hashchange", highlight);
  highlight();
}());
