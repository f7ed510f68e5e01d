import { describe, expect, it } from 'vitest';
import { barChartHeight, rateBarChart, trendChart } from './dashboard-charts.ts';
import { formatPercent, rateRow } from './rates.ts';

const labels = { reportingRate: '上报率', onTimeRate: '按时率', missing: '未报', percentAxis: '比率（%）', countAxis: '未报（次）' };
const zero = { due: 0, reported: 0, onTime: 0, late: 0, noEvidence: 0, missing: 0, heldOutsideWindow: 0, flagged: 0 };
const days = [
  rateRow('2026-11-29', '2026-11-29', { ...zero, due: 4, reported: 3, onTime: 2, late: 1, missing: 1 }),
  rateRow('2026-11-30', '2026-11-30', zero),
  rateRow('2026-12-01', '2026-12-01', { ...zero, due: 3, reported: 3, onTime: 3 }),
];

describe('trendChart', () => {
  const chart = trendChart(days, labels, (d) => d.slice(5));

  it('plots exactly the numbers of the table rows, a day with nothing due as a gap', () => {
    const [reporting, onTime, missing] = chart.data.datasets;
    expect(chart.data.labels).toEqual(['11-29', '11-30', '12-01']);
    expect(reporting!.data).toEqual([75, null, 100]);
    expect(onTime!.data).toEqual([50, null, 100]);
    expect(missing!.data).toEqual([1, 0, 0]);
    expect(reporting!.data).toEqual(days.map((d) => d.reportingRate));
  });

  it('puts rates on a 0–100 % axis and counts on their own', () => {
    expect(chart.data.datasets.map((d) => d.yAxisID)).toEqual(['percent', 'percent', 'count']);
    expect(chart.options?.scales?.percent).toMatchObject({ min: 0, max: 100 });
  });

  it('says the same in a tooltip as in the table', () => {
    const label = chart.options!.plugins!.tooltip!.callbacks!.label as (item: unknown) => string;
    const rate = { raw: 75, dataset: chart.data.datasets[0] };
    expect(label(rate)).toBe(`上报率：${formatPercent(days[0]!.reportingRate)}`);
    expect(label({ raw: null, dataset: chart.data.datasets[1] })).toBe('按时率：—');
    expect(label({ raw: 1, dataset: chart.data.datasets[2] })).toBe('未报：1');
  });
});

describe('rateBarChart', () => {
  it('draws one pair of bars per group with the table numbers', () => {
    const rows = [rateRow('a', '东丽区', { ...zero, due: 8, reported: 7, onTime: 5 }), rateRow('b', '西青区', zero)];
    const chart = rateBarChart(rows, labels);
    expect(chart.data.labels).toEqual(['东丽区', '西青区']);
    expect(chart.data.datasets.map((d) => d.data)).toEqual([
      [87.5, null],
      [62.5, null],
    ]);
    expect(chart.options?.indexAxis).toBe('y');
  });

  it('grows with the number of groups', () => {
    expect(barChartHeight(1)).toBe(180);
    expect(barChartHeight(10)).toBeGreaterThan(barChartHeight(5));
  });
});
