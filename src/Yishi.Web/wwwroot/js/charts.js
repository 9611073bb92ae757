// Draws every <div class="yishi-chart" data-chart="{...}"> with Apache ECharts (loaded only when a page has charts).
// The spec comes from the server (Demands/Features/Stats/ChartSpec.cs): { type: bar|hbar|line|pie, categories, series: [{ name, data }], unit, max }.
// No inline script anywhere (CSP script-src 'self'); each chart has a table next to it for screen readers and printing.

const palette = ['#b3261e', '#1f6feb', '#2da44e', '#bf8700', '#8250df', '#0a7ea4', '#cf222e', '#57606a', '#e16f24', '#116329', '#6e7781'];
let loading = null;

function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/echarts/echarts.min.js';
    script.onload = () => resolve(window.echarts);
    script.onerror = reject;
    document.head.appendChild(script);
  });
  return loading;
}

const narrow = () => window.matchMedia('(max-width: 575.98px)').matches;

function option(spec) {
  const unit = spec.unit || '';
  const fmt = (v) => (v === null || v === undefined ? '—' : `${v}${unit}`);
  const series = spec.series || [];
  const base = {
    color: palette,
    animation: false,
    textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
    tooltip: { trigger: spec.type === 'pie' ? 'item' : 'axis', valueFormatter: fmt, confine: true },
  };
  if (series.length > 1) base.legend = { type: 'scroll', top: 0 };

  if (spec.type === 'pie') {
    return {
      ...base,
      legend: { type: 'scroll', bottom: 0 },
      series: [{
        type: 'pie',
        name: series[0]?.name,
        radius: narrow() ? ['30%', '58%'] : ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}（{d}%）', fontSize: 12 },
        data: spec.categories.map((name, i) => ({ name, value: series[0]?.data[i] ?? 0 })),
      }],
    };
  }

  const horizontal = spec.type === 'hbar';
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisTick: { alignWithLabel: true },
    axisLabel: horizontal
      ? { width: narrow() ? 72 : 120, overflow: 'break', fontSize: 12 }
      : { interval: 0, width: narrow() ? 48 : 80, overflow: 'break', fontSize: 12, hideOverlap: false },
  };
  const valueAxis = {
    type: 'value',
    minInterval: unit ? 0 : 1,
    max: spec.max ?? null,
    axisLabel: { formatter: unit ? `{value}${unit}` : '{value}', fontSize: 11 },
  };
  return {
    ...base,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: spec.type === 'line' ? 'line' : 'bar',
      data: s.data,
      connectNulls: false,
      barMaxWidth: 28,
      label: spec.type === 'line' || series.length > 1 ? undefined : { show: true, position: horizontal ? 'right' : 'top', fontSize: 11 },
    })),
  };
}

function height(el, spec) {
  const n = (spec.categories || []).length;
  if (spec.type === 'hbar') return Math.max(200, n * (spec.series.length > 1 ? 56 : 30) + 70);
  if (spec.type === 'pie') return narrow() ? 300 : 320;
  return narrow() ? 260 : 300;
}

async function render() {
  const elements = [...document.querySelectorAll('.yishi-chart[data-chart]')].filter((el) => !el.querySelector('canvas'));
  if (elements.length === 0) return;
  const echarts = await loadEcharts();
  for (const el of elements) {
    let spec;
    try { spec = JSON.parse(el.dataset.chart); } catch { continue; }
    echarts.getInstanceByDom(el)?.dispose();
    el.style.height = `${height(el, spec)}px`;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option(spec));
    el.setAttribute('role', 'img');
    el.setAttribute('aria-hidden', 'true'); // the table next to it carries the numbers
  }
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!window.echarts) return;
    for (const el of document.querySelectorAll('.yishi-chart[data-chart]')) {
      const chart = window.echarts.getInstanceByDom(el);
      if (!chart) continue;
      const spec = JSON.parse(el.dataset.chart);
      el.style.height = `${height(el, spec)}px`;
      chart.setOption(option(spec), true);
      chart.resize();
    }
  }, 100);
});

render();
// Blazor's enhanced navigation swaps page content without reloading scripts.
window.Blazor?.addEventListener?.('enhancedload', render);
