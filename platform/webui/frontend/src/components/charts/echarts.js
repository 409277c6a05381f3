// ECharts as the pages use it, on demand: bars with their axes in one chunk, the canvas renderer; a line, a pie, a
// legend (for several series) and the tooltip each in a chunk of its own, loaded the first time a chart needs it (the
// tooltip when the pointer first comes over a chart), so a page's first download stays small. Chart.vue loads this
// module with import(): no page carries ECharts until it draws a chart.
import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridSimpleComponent, CanvasRenderer]);

const EXTRAS = {
  line: () => import('./echarts-line.js'),
  pie: () => import('./echarts-pie.js'),
  legend: () => import('./echarts-legend.js'),
  tooltip: () => import('./echarts-tooltip.js'),
};

const loaded = new Set();
let generation = 0;

/**
 * ECharts' init, once what the chart needs beyond bars (`{ line, pie, legend, tooltip }`) is registered, and the
 * generation of what is registered: a chart made before something was registered must be made again to use it (an
 * instance keeps the layouts and processors there were when it was made).
 */
export async function ready(needs) {
  const wanted = Object.keys(EXTRAS).filter((k) => needs[k] && !loaded.has(k));
  const extras = await Promise.all(wanted.map((k) => EXTRAS[k]()));
  wanted.forEach((k, i) => {
    if (!loaded.has(k)) {
      loaded.add(k);
      use(extras[i].default);
      generation += 1;
    }
  });
  return { init, generation };
}
