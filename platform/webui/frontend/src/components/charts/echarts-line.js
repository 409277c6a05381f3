// A line chart for ECharts, loaded by echarts.js when a chart is a line.
import { LineChart } from 'echarts/charts';

export default LineChart;
