// Draws every dashboard chart from the JSON in its canvas's data-chart attribute: the page's
// Content-Security-Policy allows no inline script, so the data travels in the markup.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas.insight-chart').forEach(canvas => {
    const data = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: data.datasets.map(d => ({label: d.label, data: d.data, spanGaps: true}))
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: data.type === 'doughnut' ? {} : {
          x: {stacked: data.stacked},
          y: {stacked: data.stacked, beginAtZero: true, max: data.percent ? 100 : undefined}
        }
      }
    });
    canvas.dataset.ready = 'true';
    canvas.dataset.points = String(data.datasets.reduce((n, d) => n + d.data.filter(v => v > 0).length, 0));
  });
});
