// The tooltip for ECharts (with its axis pointer), loaded by echarts.js when the pointer first comes over a chart.
import { TooltipComponent } from 'echarts/components';

export default TooltipComponent;
