// The repurchase and LTV page: the LTV curves per cohort and the time-between-orders
// histogram (Apache ECharts), drawn from the data attributes the page renders. No inline
// scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  function ltv(echarts) {
    var container = document.getElementById('ltv-chart');
    if (!container) {
      return null;
    }
    var data;
    try {
      data = JSON.parse(container.getAttribute('data-ltv'));
    } catch (e) {
      container.classList.add('ltv-chart-failed');
      container.textContent = container.getAttribute('data-error');
      return null;
    }
    var month = container.getAttribute('data-month') || 'M';
    var months = [];
    for (var k = 0; k <= 12; k++) {
      months.push(month + k);
    }
    var chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 64, right: 16, top: 40, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: function (v) { return (v === null || v === undefined) ? '—' : Number(v).toFixed(2); }
      },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: data.cohorts.slice().reverse().map(function (cohort) {
        return {
          name: cohort.cohort + ' (' + cohort.customers + ')', type: 'line', symbolSize: 5, connectNulls: false,
          data: cohort.ltv.map(function (v) { return v === null ? null : parseFloat(v); })
        };
      })
    });
    container.setAttribute('data-rendered', 'true');
    return chart;
  }

  function gaps(echarts) {
    var container = document.getElementById('gap-chart');
    if (!container) {
      return null;
    }
    var labels = (container.getAttribute('data-labels') || '').split('|');
    var values = (container.getAttribute('data-values') || '').split('|').map(function (v) { return parseInt(v, 10) || 0; });
    var chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: container.getAttribute('data-name'), type: 'bar', data: values }]
    });
    container.setAttribute('data-rendered', 'true');
    return chart;
  }

  function start() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var charts = [ltv(window.echarts), gaps(window.echarts)].filter(function (c) { return c !== null; });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
