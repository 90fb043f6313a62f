// Progressive enhancement only: every link and form works without this file.
(function () {
  "use strict";

  // Times are rendered in UTC; show them in the browser's time zone.
  function localizeTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (isNaN(date)) { return; }
      var pad = function (n, w) { return String(n).padStart(w || 2, "0"); };
      el.title = el.getAttribute("datetime");
      el.textContent = date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + " " +
        pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()) + "." + pad(date.getMilliseconds(), 3);
    });
  }

  // Waterfall: open a span's details in the side panel without reloading the trace, keeping ?span= in the URL.
  function enhanceWaterfall(waterfall) {
    var panel = document.getElementById("span-panel");
    var body = waterfall.closest(".trace-body");
    waterfall.addEventListener("click", function (event) {
      var toggle = event.target.closest(".wf-toggle");
      var row = event.target.closest(".wf-row");
      if (!row) { return; }
      event.preventDefault();
      if (toggle) { collapse(row); return; }
      var url = new URL(row.href);
      fetch(url.pathname + "?handler=Span&span=" + encodeURIComponent(row.dataset.spanId), { credentials: "same-origin" })
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
        .then(function (html) {
          panel.innerHTML = html;
          localizeTimes(panel);
          body.classList.add("with-panel");
          waterfall.querySelectorAll(".wf-row.selected").forEach(function (r) { r.classList.remove("selected"); });
          row.classList.add("selected");
          history.replaceState(null, "", url.pathname + url.search);
        })
        .catch(function () { window.location.href = row.href; });
    });
  }

  // Hides or shows every row below this one that is deeper in the tree.
  function collapse(row) {
    var depth = Number(row.dataset.depth);
    var hide = !row.classList.toggle("collapsed") ? false : true;
    for (var next = row.nextElementSibling; next && Number(next.dataset.depth) > depth; next = next.nextElementSibling) {
      next.classList.toggle("wf-hidden", hide);
      if (!hide) { next.classList.remove("collapsed"); }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    localizeTimes(document);
    var waterfall = document.querySelector("[data-testid=waterfall]");
    if (waterfall) { enhanceWaterfall(waterfall); }
  });
})();
