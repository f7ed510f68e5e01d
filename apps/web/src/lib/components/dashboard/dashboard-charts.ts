// Chart.js configurations of the statistics page, built from the same rate rows as the tables
// under the charts (see rates.ts). Pure data: the library itself is loaded by chart-setup.ts.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatPercent, type RateRow } from './rates.ts';

/** The labels a chart needs; the page passes them from the zh-CN messages. */
export interface ChartLabels {
  reportingRate: string;
  onTimeRate: string;
  missing: string;
  percentAxis: string;
  countAxis: string;
}

/** Either kind of chart this page draws; the canvas component takes both. */
export type PageChartConfig = ChartConfiguration<'bar' | 'line'> | ChartConfiguration<'bar'>;

export const COLORS = { reporting: '#1f63c6', onTime: '#1e7b34', missing: 'rgb(184 50 42 / 0.55)' };

/** A tooltip line: "上报率：87.5%" for rates (— for none), "未报：3" for counts. */
function tooltipLabel(item: TooltipItem<'bar' | 'line'>): string {
  const value = item.raw as number | null;
  const isRate = item.dataset.yAxisID === 'percent' || item.dataset.xAxisID === 'percent';
  return `${item.dataset.label ?? ''}：${isRate ? formatPercent(value) : String(value ?? 0)}`;
}

const percentScale = (title: string) => ({
  min: 0,
  max: 100,
  title: { display: true, text: title },
  ticks: { callback: (v: string | number) => `${v}%` },
});

const common = {
  responsive: true,
  maintainAspectRatio: false,
  // Figures, not a show: no animation, which also honours reduced-motion settings.
  animation: false,
  plugins: {
    legend: { position: 'bottom' },
    tooltip: { callbacks: { label: tooltipLabel } },
  },
} as const;

/** The daily trend: reporting and on-time rate as lines (left axis, %), missing meetings as bars (right axis). */
export function trendChart(
  rows: readonly RateRow[],
  labels: ChartLabels,
  dayLabel: (day: string) => string,
): ChartConfiguration<'bar' | 'line'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => dayLabel(r.key)),
      datasets: [
        {
          type: 'line',
          label: labels.reportingRate,
          data: rows.map((r) => r.reportingRate),
          yAxisID: 'percent',
          borderColor: COLORS.reporting,
          backgroundColor: COLORS.reporting,
          // A day with nothing due has no rate: a gap, not a drop to zero.
          spanGaps: false,
          order: 1,
        },
        {
          type: 'line',
          label: labels.onTimeRate,
          data: rows.map((r) => r.onTimeRate),
          yAxisID: 'percent',
          borderColor: COLORS.onTime,
          backgroundColor: COLORS.onTime,
          spanGaps: false,
          order: 2,
        },
        {
          type: 'bar',
          label: labels.missing,
          data: rows.map((r) => r.missing),
          yAxisID: 'count',
          backgroundColor: COLORS.missing,
          order: 3,
        },
      ],
    },
    options: {
      ...common,
      interaction: { mode: 'index', intersect: false },
      scales: {
        percent: { position: 'left', ...percentScale(labels.percentAxis) },
        count: {
          position: 'right',
          beginAtZero: true,
          title: { display: true, text: labels.countAxis },
          ticks: { precision: 0 },
          grid: { drawOnChartArea: false },
        },
      },
    },
  };
}

/** Reporting and on-time rate of each zone or industry, as horizontal bars (long Chinese names read across). */
export function rateBarChart(rows: readonly RateRow[], labels: ChartLabels): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { label: labels.reportingRate, data: rows.map((r) => r.reportingRate), xAxisID: 'percent', backgroundColor: COLORS.reporting },
        { label: labels.onTimeRate, data: rows.map((r) => r.onTimeRate), xAxisID: 'percent', backgroundColor: COLORS.onTime },
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      interaction: { mode: 'index', intersect: false },
      scales: { percent: { position: 'bottom', ...percentScale(labels.percentAxis) } },
    },
  };
}

/** Height in pixels of a bar chart of `count` groups: two bars each, about a table row per group. */
export function barChartHeight(count: number): number {
  return Math.max(180, 90 + count * 32);
}
