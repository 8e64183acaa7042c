'use client';
// Charts drawn with Recharts (SVG, bundled from npm; no CDN). Colours are CSS variables, so both themes apply without
// re-rendering; animations are off so screenshots are stable.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Bucket, RuntimeDistribution, TimelinePoint } from '../../api/admin-types';
import { SERIES_COLORS, formatMs, runtimeRows, timelineRows, verdictColor, verdictKeys, verdictLabel } from '../../lib/admin-format';

const axis = { stroke: 'var(--border)', tick: { fill: 'var(--muted)', fontSize: 11 } };
const tooltipProps = {
  contentStyle: { background: 'var(--bg)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--fg)' },
  labelStyle: { color: 'var(--fg)' },
  itemStyle: { color: 'var(--fg)' },
  cursor: { fill: 'var(--bg3)', stroke: 'var(--border)' },
};
const legendFormatter = (value: string) => <span style={{ color: 'var(--fg)' }}>{value}</span>;
const MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };

/** Grid, axes, tooltip and legend shared by every chart (an array of children, as Recharts accepts). */
function frame(y: { width?: number; format?: (v: number) => string } = {}, legend = true) {
  const fmt = y.format;
  return [
    <CartesianGrid key="grid" stroke="var(--grid)" strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="label" {...axis} />,
    <YAxis key="y" allowDecimals={!!fmt} {...axis} width={y.width ?? 40} tickFormatter={fmt} />,
    <Tooltip key="tip" {...tooltipProps} formatter={fmt ? (v) => fmt(typeof v === 'number' ? v : Number(v)) : undefined} />,
    legend ? <Legend key="legend" formatter={legendFormatter} /> : null,
  ];
}

function ChartCard({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: React.ReactElement }) {
  return (
    <figure className="chart-card" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {empty ? (
        <div className="chart-empty muted">No data in this time range.</div>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export function TimelineCharts({ items, bucket }: { items: TimelinePoint[]; bucket: Bucket }) {
  const rows = timelineRows(items, bucket);
  const verdicts = verdictKeys(items);
  const per = bucket === 'hour' ? 'hour' : 'day';
  const hasWait = rows.some((r) => r.queue_wait_ms !== null);
  return (
    <>
      <ChartCard title={`Runs and submits per ${per}`} testId="chart-runs" empty={rows.length === 0}>
        <LineChart data={rows} margin={MARGIN}>
          {frame()}
          <Line type="monotone" dataKey="runs" name="Runs" stroke="var(--chart-1)" strokeWidth={2} dot={rows.length < 30} isAnimationActive={false} />
          <Line type="monotone" dataKey="submits" name="Submits" stroke="var(--chart-2)" strokeWidth={2} dot={rows.length < 30} isAnimationActive={false} />
        </LineChart>
      </ChartCard>
      <ChartCard title={`Verdict mix per ${per}`} testId="chart-verdicts" empty={rows.length === 0}>
        <BarChart data={rows} margin={MARGIN}>
          {frame()}
          {verdicts.map((v) => (
            <Bar key={v} dataKey={v} name={verdictLabel(v)} stackId="verdicts" fill={verdictColor(v)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartCard>
      <ChartCard title="Median queue wait" testId="chart-queue-wait" empty={!hasWait}>
        <LineChart data={rows} margin={MARGIN}>
          {frame({ width: 56, format: formatMs }, false)}
          <Line type="monotone" dataKey="queue_wait_ms" name="Median queue wait" stroke="var(--chart-3)" strokeWidth={2} connectNulls dot={rows.length < 30} isAnimationActive={false} />
        </LineChart>
      </ChartCard>
    </>
  );
}

export function RuntimeChart({ items }: { items: RuntimeDistribution[] }) {
  const { rows, languages } = runtimeRows(items);
  return (
    <ChartCard title="Runtime distribution per language (runs per bucket)" testId="chart-runtime" empty={rows.length === 0}>
      <BarChart data={rows} margin={MARGIN}>
        {frame()}
        {languages.map((l, i) => (
          <Bar key={l} dataKey={l} name={l} fill={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartCard>
  );
}
