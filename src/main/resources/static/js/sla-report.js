// Draws the SLA report chart from the JSON in the canvas's data-chart attribute: the page's
// Content-Security-Policy allows no inline script, so the data travels in the markup.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('sla-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.datasets.map(d => ({
        label: d.label,
        data: d.data,
        spanGaps: true,
        cubicInterpolationMode: 'monotone',
        borderDash: d.target === 'RESOLUTION' ? [6, 4] : []
      }))
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {y: {min: 0, max: 100, title: {display: true, text: '% of targets met'}}},
      plugins: {tooltip: {callbacks: {label: item => `${item.dataset.label}: ${item.formattedValue}%`}}}
    }
  });
  canvas.dataset.ready = 'true';
});
