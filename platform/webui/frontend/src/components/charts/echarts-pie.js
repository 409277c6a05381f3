// A pie chart for ECharts, loaded by echarts.js when a chart is a pie.
import { PieChart } from 'echarts/charts';

export default PieChart;
