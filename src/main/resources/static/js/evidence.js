// Draws a need's evidence charts from the JSON in each canvas's data-chart attribute (the page's
// Content-Security-Policy allows no inline script): volume per week, and the lift of over-represented values.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof Chart === 'undefined') {
    return;
  }
  const volume = document.getElementById('volume-chart');
  if (volume) {
    const data = JSON.parse(volume.dataset.chart);
    new Chart(volume, {
      data: {
        labels: data.labels,
        datasets: [
          {type: 'bar', label: 'Contacts', data: data.contacts, backgroundColor: '#8aa4c8'},
          {type: 'line', label: 'Customers', data: data.customers, borderColor: '#c0504d', pointRadius: 0}
        ]
      },
      options: {animation: false, maintainAspectRatio: false, scales: {y: {min: 0}}}
    });
    volume.dataset.ready = 'true';
  }
  const lift = document.getElementById('lift-chart');
  if (lift) {
    const data = JSON.parse(lift.dataset.chart);
    new Chart(lift, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{
          label: 'Lift',
          data: data.lifts,
          backgroundColor: data.significant.map(s => s ? '#c0504d' : '#bbbbbb')
        }]
      },
      options: {
        indexAxis: 'y', animation: false, maintainAspectRatio: false,
        scales: {x: {min: 0, title: {display: true, text: 'share among affected ÷ share of all customers'}}},
        plugins: {legend: {display: false}}
      }
    });
    lift.dataset.ready = 'true';
  }
});
