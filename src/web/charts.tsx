// Small SVG charts: no chart library on the wire. Each chart is an image with a title and a
// description for screen readers, and its numbers are one click away as a table.
import { useId, type ReactNode } from 'react';
import { HeadRow } from './ui';

const W = 640;
const H = 240;
const PAD = { top: 16, right: 16, bottom: 40, left: 48 };
const COLORS = ['#004993', '#b35c00', '#2e7d32'];

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function Frame({
  title,
  description,
  table,
  children,
}: {
  title: string;
  description: string;
  table: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="dl-chart">
      <figcaption id={`${id}-t`} className="dl-chart-title">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id={`${id}-d`}>{description}</desc>
        {children}
      </svg>
      {table}
    </figure>
  );
}

function Axis({ max, labels, unit }: { max: number; labels: string[]; unit?: string }) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <g fontSize="11" fill="#454545">
      {ticks.map((v) => {
        const y = PAD.top + innerH - (v / max) * innerH;
        return (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#e0e0e0" />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end">
              {Math.round(v * 100) / 100}
              {unit ?? ''}
            </text>
          </g>
        );
      })}
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text
            key={l}
            x={PAD.left + ((i + 0.5) * innerW) / labels.length}
            y={H - PAD.bottom + 16}
            textAnchor="middle"
          >
            {l}
          </text>
        ) : null,
      )}
    </g>
  );
}

function DataTable({
  label,
  columns,
  rows,
}: {
  label: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="dl-chart-data">
      <summary>{label}</summary>
      <div className="dl-table-wrap" tabIndex={0} role="region" aria-label={label}>
        <table className="table table--compact">
          <HeadRow columns={columns} />
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {v}
                    </th>
                  ) : (
                    <td key={j}>{v}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Vertical bars, one per label. */
export function BarChart(p: {
  title: string;
  description: string;
  labels: string[];
  values: number[];
  tableLabel: string;
  valueName: string;
  unit?: string;
}) {
  const max = niceMax(Math.max(...p.values, 0));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const bw = innerW / Math.max(p.labels.length, 1);
  return (
    <Frame
      title={p.title}
      description={p.description}
      table={
        <DataTable
          label={p.tableLabel}
          columns={['', p.valueName]}
          rows={p.labels.map((l, i) => [l, p.values[i] ?? 0])}
        />
      }
    >
      <Axis max={max} labels={p.labels} unit={p.unit} />
      {p.values.map((v, i) => {
        const h = (v / max) * innerH;
        return (
          <rect
            key={i}
            x={PAD.left + i * bw + bw * 0.15}
            y={PAD.top + innerH - h}
            width={bw * 0.7}
            height={h}
            fill={COLORS[0]}
          />
        );
      })}
    </Frame>
  );
}

/** Lines over labels; gaps where a value is missing. */
export function LineChart(p: {
  title: string;
  description: string;
  labels: string[];
  series: Series[];
  tableLabel: string;
  unit?: string;
  max?: number;
}) {
  const all = p.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = p.max ?? niceMax(Math.max(...all, 0));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + ((i + 0.5) * innerW) / Math.max(p.labels.length, 1);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return (
    <Frame
      title={p.title}
      description={p.description}
      table={
        <DataTable
          label={p.tableLabel}
          columns={['', ...p.series.map((s) => s.name)]}
          rows={p.labels.map((l, i) => [l, ...p.series.map((s) => s.values[i] ?? '–')])}
        />
      }
    >
      <Axis max={max} labels={p.labels} unit={p.unit} />
      {p.series.map((s, k) => {
        const d = s.values
          .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
          .reduce<string[]>((acc, pt, i, arr) => {
            if (pt) acc.push(`${i === 0 || arr[i - 1] === null ? 'M' : 'L'}${pt}`);
            return acc;
          }, [])
          .join(' ');
        return (
          <g key={s.name}>
            <path d={d} fill="none" stroke={COLORS[k % COLORS.length]} strokeWidth="2.5" />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill={COLORS[k % COLORS.length]} />
              ),
            )}
          </g>
        );
      })}
      <g fontSize="12">
        {p.series.map((s, k) => (
          <g key={s.name} transform={`translate(${PAD.left + k * 160}, ${H - 8})`}>
            <rect width="12" height="12" y="-10" fill={COLORS[k % COLORS.length]} />
            <text x="18" fill="#1a1a1a">
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </Frame>
  );
}

/** Horizontal bars for categories (e.g. topics), largest first. */
export function HorizontalBars(p: {
  title: string;
  description: string;
  items: { label: string; value: number }[];
  tableLabel: string;
  valueName: string;
}) {
  const items = [...p.items].sort((a, b) => b.value - a.value);
  const max = niceMax(Math.max(...items.map((i) => i.value), 0));
  const rowH = 22;
  const left = 200;
  const height = items.length * rowH + 8;
  return (
    <figure className="dl-chart">
      <figcaption className="dl-chart-title">{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${p.title}. ${p.description}`}>
        {items.map((it, i) => (
          <g key={it.label} transform={`translate(0, ${i * rowH + 4})`} fontSize="12">
            <text x={left - 8} y={14} textAnchor="end" fill="#1a1a1a">
              {it.label}
            </text>
            <rect
              x={left}
              y={2}
              height={rowH - 6}
              width={((W - left - 48) * it.value) / max}
              fill={COLORS[0]}
            />
            <text x={left + ((W - left - 48) * it.value) / max + 6} y={14} fill="#1a1a1a">
              {it.value}
            </text>
          </g>
        ))}
      </svg>
      <DataTable
        label={p.tableLabel}
        columns={['', p.valueName]}
        rows={items.map((i) => [i.label, i.value])}
      />
    </figure>
  );
}
