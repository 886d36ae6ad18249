// Draws inbound contacts per week (of a need, or of an article's needs) from the JSON in the canvas's data-chart attribute (the page's
// Content-Security-Policy allows no inline script), marking the week the article went live.
document.addEventListener('DOMContentLoaded', () => {
  const canvas = document.getElementById('knowledge-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  const published = data.labels.indexOf(data.published);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{
        label: 'Inbound contacts',
        data: data.counts,
        backgroundColor: data.labels.map((l, i) => published >= 0 && i >= published ? '#3c9a5f' : '#8aa4c8')
      }]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {y: {min: 0, title: {display: true, text: 'contacts per week'}}},
      plugins: {
        legend: {display: false},
        tooltip: {callbacks: {afterLabel: item => item.dataIndex === published ? 'article published' : ''}}
      }
    }
  });
  canvas.dataset.ready = 'true';
});
