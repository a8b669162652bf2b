// The SEO keyword page: a small line chart (Apache ECharts) of the keyword's rank history,
// read from the container's data attributes. Rank 1 is the top result, so the value axis is
// inverted: a keyword that moves up goes up. No inline scripts: the Content-Security-Policy
// forbids them.
(function () {
  'use strict';

  function start() {
    var container = document.getElementById('seo-rank-chart');
    if (!container || typeof window.echarts === 'undefined') {
      return;
    }
    var dates = (container.getAttribute('data-dates') || '').split(',').filter(function (d) { return d !== ''; });
    var ranks = (container.getAttribute('data-ranks') || '').split(',').filter(function (r) { return r !== ''; })
      .map(function (r) { return parseFloat(r); });
    if (dates.length === 0 || dates.length !== ranks.length) {
      return;
    }
    var chart = window.echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time' },
      yAxis: {
        type: 'value', inverse: true, min: 1, minInterval: 1,
        name: container.getAttribute('data-axis') || '', nameLocation: 'end', nameTextStyle: { align: 'left' }
      },
      series: [{
        name: container.getAttribute('data-label') || '',
        type: dates.length > 1 ? 'line' : 'scatter',
        symbolSize: 6,
        data: dates.map(function (d, i) { return [d, ranks[i]]; })
      }]
    });
    container.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', start);
})();
