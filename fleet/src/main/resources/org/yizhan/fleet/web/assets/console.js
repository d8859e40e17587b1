// What HTML alone cannot do on the console's pages: refresh the [data-live] regions when the server says something
// changed (server-sent events from /api/v1/live), draw the charts, ask before a restart, sort the footfall tables.
// Everything else is plain HTML from the server, so a page without this script still shows the truth as of its
// loading. The Content-Security-Policy allows no inline script, hence all of it lives here.
(function () {
  'use strict';

  var body = document.body;
  var zone = body.dataset.zone || 'Asia/Shanghai';
  var locale = body.dataset.lang === 'en' ? 'en-GB' : 'zh-CN';
  var path = location.pathname;
  var kioskPage = body.dataset.liveKiosk;

  // --- small things -------------------------------------------------------------------------------------------

  function applyBars(root) {
    root.querySelectorAll('[data-w]').forEach(function (bar) {
      bar.style.width = bar.dataset.w + '%';
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  function sortables(root) {
    root.querySelectorAll('table[data-sortable]').forEach(function (table) {
      table.querySelectorAll('thead th').forEach(function (head, column) {
        head.style.cursor = 'pointer';
        head.addEventListener('click', function () {
          var ascending = head.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('aria-sort'); });
          head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var numeric = head.classList.contains('num');
          var rows = Array.prototype.slice.call(table.tBodies[0].rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].textContent.trim();
            var y = b.cells[column].textContent.trim();
            var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, locale);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
        });
      });
    });
  }

  // --- charts -------------------------------------------------------------------------------------------------

  var hourFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var fullFormat = new Intl.DateTimeFormat(locale, {
    timeZone: zone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  });
  var hourOnly = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
  var healthCharts = {};

  // Ticks on the fleet's round hours (00:00, 04:00, …) rather than wherever the day's window happens to start.
  function roundHours(axis) {
    var hour = 3600 * 1000;
    var ticks = [];
    for (var t = Math.ceil(axis.min / hour) * hour; t <= axis.max; t += hour) {
      if (Number(hourOnly.format(new Date(t))) % 4 === 0) {
        ticks.push({ value: t });
      }
    }
    axis.ticks = ticks;
  }
  var footfallChart = null;

  if (window.Chart) {
    Chart.defaults.font.family = getComputedStyle(body).fontFamily;
    Chart.defaults.font.size = 12;
    Chart.defaults.color = '#59636e';
    Chart.defaults.animation = false;
  }

  function drawHealth() {
    var box = document.getElementById('health-charts');
    if (!box || !window.Chart) {
      return Promise.resolve();
    }
    return fetch(box.dataset.healthUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        var from = Date.parse(data.from);
        var to = Date.parse(data.to);
        box.querySelectorAll('canvas[data-series]').forEach(function (canvas) {
          var key = canvas.dataset.series;
          var points = data.points.map(function (p) { return { x: Date.parse(p.at), y: p[key] }; });
          var chart = healthCharts[key];
          if (chart) {
            chart.data.datasets[0].data = points;
            chart.options.scales.x.min = from;
            chart.options.scales.x.max = to;
            chart.update('none');
            return;
          }
          var color = canvas.dataset.color;
          var y = { grid: { color: '#eef1f4' }, ticks: { maxTicksLimit: 5 } };
          if (canvas.dataset.min !== undefined) { y.suggestedMin = Number(canvas.dataset.min); }
          if (canvas.dataset.max !== undefined) { y.suggestedMax = Number(canvas.dataset.max); }
          healthCharts[key] = new Chart(canvas, {
            type: 'line',
            data: { datasets: [{
              data: points, borderColor: color, backgroundColor: color + '1f', fill: 'origin',
              borderWidth: 1.75, pointRadius: 0, pointHitRadius: 6, tension: 0.2, spanGaps: false
            }] },
            options: {
              maintainAspectRatio: false,
              parsing: false,
              plugins: {
                legend: { display: false },
                tooltip: { callbacks: { title: function (items) { return fullFormat.format(new Date(items[0].parsed.x)); } } }
              },
              scales: {
                x: {
                  type: 'linear', min: from, max: to, grid: { color: '#f1f3f5' }, afterBuildTicks: roundHours,
                  ticks: { maxRotation: 0, callback: function (value) { return hourFormat.format(new Date(value)); } }
                },
                y: y
              }
            }
          });
        });
        var empty = box.parentNode.querySelector('.no-data');
        if (!data.points.length && !empty) {
          empty = document.createElement('p');
          empty.className = 'muted no-data';
          empty.textContent = box.dataset.noData;
          box.parentNode.insertBefore(empty, box);
        } else if (data.points.length && empty) {
          empty.remove();
        }
        body.dataset.chartsReady = 'true';
      });
  }

  function drawFootfall() {
    var canvas = document.getElementById('footfall-chart');
    if (!canvas || !window.Chart) {
      return;
    }
    if (footfallChart) {
      footfallChart.destroy();
    }
    var data = JSON.parse(canvas.dataset.chart);
    var colors = ['#b9d8d4', '#0f766e', '#d97706'];
    footfallChart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return { label: series.label, data: series.data, backgroundColor: colors[i % colors.length],
                   borderRadius: 3, maxBarThickness: 28 };
        })
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 12 } } },
        scales: { x: { grid: { display: false } }, y: { beginAtZero: true, grid: { color: '#eef1f4' } } }
      }
    });
    body.dataset.chartsReady = 'true';
  }

  // --- live refresh -------------------------------------------------------------------------------------------

  // What each page listens for, and how often at most it asks again: footfall pages are heavy and change slowly.
  var wants = kioskPage ? ['kiosks', 'health', 'events', 'commands', 'alerts', 'footfall']
    : path === '/footfall' ? ['footfall', 'alerts']
    : path === '/alerts' ? ['alerts']
    : ['kiosks', 'alerts'];
  var minInterval = path === '/footfall' ? 30000 : kioskPage ? 1000 : 2000;
  var lastRefresh = 0;
  var lastDuration = 0;
  var refreshing = false;
  var timer = null;

  function requestRefresh() {
    if (timer) {
      return;
    }
    // a page that takes long to fetch and draw (a fleet of thousands) is asked for less often
    var wait = Math.max(0, lastRefresh + Math.max(minInterval, 10 * lastDuration) - Date.now());
    timer = setTimeout(function () { timer = null; refresh(); }, wait);
  }

  function refresh() {
    if (refreshing) {
      requestRefresh();
      return;
    }
    refreshing = true;
    lastRefresh = Date.now();
    fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (response.redirected && new URL(response.url).pathname === '/login') {
          location.href = response.url;
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live][id]').forEach(function (region) {
          var replacement = fresh.getElementById(region.id);
          if (replacement && replacement.innerHTML !== region.innerHTML) {
            region.innerHTML = replacement.innerHTML;
            applyBars(region);
            sortables(region);
            if (region.querySelector('#footfall-chart')) {
              footfallChart = null;
              drawFootfall();
            }
          }
        });
      })
      .catch(function () { /* the next change or poll tries again */ })
      .then(function () {
        refreshing = false;
        lastDuration = Date.now() - lastRefresh;
        pollWhileWaiting();
      });
  }

  // A command's answer also comes as a change; polling covers a stream that is down.
  function pollWhileWaiting() {
    if (document.querySelector('[data-waiting]')) {
      setTimeout(refresh, 2000);
    }
  }

  function connect() {
    if (!body.dataset.live || !window.EventSource) {
      return;
    }
    var status = document.getElementById('live-status');
    var source = new EventSource('/api/v1/live' + (kioskPage ? '?kiosk=' + encodeURIComponent(kioskPage) : ''));
    var opened = false;
    source.addEventListener('hello', function () {
      if (status) {
        status.hidden = false;
        status.classList.remove('off');
        status.textContent = status.dataset.on;
      }
      if (opened) {
        refresh(); // changes may have passed while the stream was down
      }
      opened = true;
    });
    source.addEventListener('change', function (event) {
      var change = JSON.parse(event.data);
      var relevant = wants.some(function (what) {
        return what === 'kiosks' ? change.kiosks.length > 0 || change.moreKiosks > 0 : change[what] === true;
      });
      if (relevant) {
        requestRefresh();
      }
      if (change.health) {
        drawHealth();
      }
    });
    source.onerror = function () {
      if (status) {
        status.hidden = false;
        status.classList.add('off');
        status.textContent = status.dataset.off;
      }
    };
  }

  applyBars(document);
  sortables(document);
  drawHealth();
  drawFootfall();
  pollWhileWaiting();
  connect();
}());
