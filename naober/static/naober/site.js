// naober's own script. No inline scripts anywhere: the Content-Security-Policy forbids them.
"use strict";

// Escape closes an open dropdown menu and gives focus back to its toggle (keyboard users).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll("details.dropdown[open]")) {
    menu.removeAttribute("open");
    menu.querySelector("summary")?.focus();
  }
});

// Progress charts: a <canvas data-chart="ID"> draws the JSON of <script id="ID" type="application/json">
// ({labels, values, target, label, unit, type}: type "line" by default, or "bar") with Chart.js, when the page loaded it. The same figures are in a
// table next to the chart, for screen readers and for print.
function drawCharts() {
  if (typeof Chart === "undefined") return;
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source || canvas.dataset.drawn) continue;
    const data = JSON.parse(source.textContent);
    const datasets = [{ label: data.label, data: data.values, borderColor: "#2f6b4f", backgroundColor: "#2f6b4f", tension: 0.2 }];
    if (data.target !== null) {
      datasets.push({
        label: document.documentElement.lang === "nl" ? "doel" : "target",
        data: data.values.map(() => data.target),
        borderColor: "#a4261b",
        borderDash: [6, 4],
        pointRadius: 0,
      });
    }
    new Chart(canvas, {
      type: data.type === "bar" ? "bar" : "line",
      data: { labels: data.labels, datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: document.documentElement.lang || "nl",
        plugins: { legend: { position: "bottom" } },
        scales: { y: { title: { display: Boolean(data.unit), text: data.unit } } },
      },
    });
    canvas.dataset.drawn = "1";
  }
}
document.addEventListener("DOMContentLoaded", drawCharts);
document.addEventListener("htmx:afterSettle", drawCharts);

// A form marked data-reset-after-htmx empties itself after htmx posted it successfully (the review page:
// an insight is added for everyone, and the writer can type the next one).
document.addEventListener("htmx:afterRequest", (event) => {
  const form = event.detail.elt;
  if (form instanceof HTMLFormElement && form.hasAttribute("data-reset-after-htmx") && event.detail.successful) {
    form.reset();
  }
});
