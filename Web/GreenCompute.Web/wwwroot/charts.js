// Draws every <div class="chart" data-chart="URL"> with uPlot from the JSON the server gives (ChartSeries).
(function () {
  function draw(el) {
    fetch(el.dataset.chart, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (d) {
      el.textContent = "";
      if (!d.time.length) { el.textContent = "No telemetry in this window yet."; return; }
      var width = Math.max(320, el.clientWidth - 20);
      var opts = {
        width: width, height: 240,
        scales: { x: { time: true }, c: {}, w: {}, p: {} },
        series: [
          {},
          { label: "temperature °C", scale: "c", stroke: "#c0392b", width: 2 },
          { label: "band min °C", scale: "c", stroke: "#2e86c1", dash: [4, 4] },
          { label: "band max °C", scale: "c", stroke: "#2e86c1", dash: [4, 4] },
          { label: "power W", scale: "w", stroke: "#27ae60" },
          { label: "price €/MWh", scale: "p", stroke: "#8e44ad" }
        ],
        axes: [{}, { scale: "c", label: "°C" }, { scale: "w", side: 1, label: "W" }, { scale: "p", side: 1, label: "€/MWh", grid: { show: false } }]
      };
      new uPlot(opts, [d.time, d.temperature, d.bandMin, d.bandMax, d.power, d.price], el);
      el.dataset.drawn = "true";
    }).catch(function (e) { el.textContent = "Chart unavailable: " + e; });
  }
  document.querySelectorAll("div.chart[data-chart]").forEach(draw);
})();
