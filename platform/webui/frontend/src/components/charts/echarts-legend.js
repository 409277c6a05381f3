// The legend for ECharts (scrolling when long), loaded by echarts.js when a chart shows several series.
import { LegendComponent } from 'echarts/components';

export default LegendComponent;
