// The KPI page: the trend chart (Apache ECharts) drawn from the page's stable JSON
// (/dashboard/kpi), the KPI picker of the chart, and the print button. No inline scripts:
// the Content-Security-Policy forbids them.
(function () {
  'use strict';

  var MONEY = ['gmv', 'perBuyerSpend', 'aov', 'refundAmount', 'adSpend'];
  var RATES = ['conversion', 'refundRate', 'repurchaseRate'];

  function numberOf(value) {
    if (value === null || value === undefined) {
      return null;
    }
    return typeof value === 'number' ? value : parseFloat(value);
  }

  function start() {
    var print = document.getElementById('kpi-print');
    if (print) {
      print.addEventListener('click', function () { window.print(); });
    }
    var container = document.getElementById('kpi-chart');
    var picker = document.getElementById('kpi-metric');
    if (!container || !picker || typeof window.echarts === 'undefined') {
      return;
    }
    var chart = window.echarts.init(container, null, { renderer: 'canvas' });
    var report = null;

    function draw() {
      if (!report) {
        return;
      }
      var field = picker.value;
      var label = picker.options[picker.selectedIndex].text;
      var rate = RATES.indexOf(field) >= 0;
      var values = report.days.map(function (day) {
        var value = numberOf(day[field]);
        return (rate && value !== null) ? Math.round(value * 10000) / 100 : value;
      });
      var known = values.some(function (value) { return value !== null; });
      chart.setOption({
        animation: false,
        grid: { left: 56, right: 16, top: 32, bottom: 32 },
        tooltip: { trigger: 'axis' },
        title: known ? { show: false } : {
          show: true, text: container.getAttribute('data-none'), left: 'center', top: 'middle',
          textStyle: { fontSize: 13, fontWeight: 'normal', color: '#6c757d' }
        },
        xAxis: { type: 'category', data: report.days.map(function (day) { return day.date; }) },
        yAxis: { type: 'value', axisLabel: { formatter: rate ? '{value}%' : '{value}' } },
        series: [{
          name: label, type: report.days.length > 1 ? 'line' : 'bar', data: values, connectNulls: false,
          smooth: false, symbolSize: 6,
          valueFormatter: MONEY.indexOf(field) >= 0 ? function (v) { return v === null ? '—' : v.toFixed(2); } : undefined
        }]
      }, true);
    }

    fetch(container.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (json) {
        report = json;
        container.setAttribute('data-days', String(json.days.length));
        draw();
        container.setAttribute('data-rendered', 'true');
      })
      .catch(function () {
        container.classList.add('kpi-chart-failed');
        container.textContent = container.getAttribute('data-error');
      });

    picker.addEventListener('change', draw);
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', start);
})();
