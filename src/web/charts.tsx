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

/**
 * A flow (Sankey) plot: one node per stage, left to right in the given order, and a band for
 * each flow between two stages as wide as the number in it.
 */
export function FlowChart(p: {
  title: string;
  description: string;
  nodes: { key: string; label: string }[];
  links: { from: string; to: string; n: number }[];
  tableLabel: string;
  columns: [string, string, string];
}) {
  const index = new Map(p.nodes.map((n, i) => [n.key, i]));
  const links = p.links.filter((l) => index.has(l.from) && index.has(l.to) && l.n > 0);
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const l of links) {
    outflow.set(l.from, (outflow.get(l.from) ?? 0) + l.n);
    inflow.set(l.to, (inflow.get(l.to) ?? 0) + l.n);
  }
  const size = (k: string) => Math.max(inflow.get(k) ?? 0, outflow.get(k) ?? 0);
  const biggest = Math.max(1, ...p.nodes.map((n) => size(n.key)));
  const height = 280;
  const top = 28;
  const scale = (height - top - 16) / biggest;
  const colW = (W - 40) / Math.max(1, p.nodes.length - 1);
  const x = (k: string) => 20 + index.get(k)! * colW;
  const nodeTop = (k: string) => top + (height - top - 16 - size(k) * scale) / 2;
  const outAt = new Map<string, number>();
  const inAt = new Map<string, number>();
  const bands = [...links]
    .sort((a, b) => index.get(a.from)! - index.get(b.from)! || index.get(a.to)! - index.get(b.to)!)
    .map((l) => {
      const w = l.n * scale;
      const y0 = nodeTop(l.from) + (outAt.get(l.from) ?? 0);
      const y1 = nodeTop(l.to) + (inAt.get(l.to) ?? 0);
      outAt.set(l.from, (outAt.get(l.from) ?? 0) + w);
      inAt.set(l.to, (inAt.get(l.to) ?? 0) + w);
      const x0 = x(l.from) + 6;
      const x1 = x(l.to) - 6;
      const xm = (x0 + x1) / 2;
      const d = `M${x0},${y0} C${xm},${y0} ${xm},${y1} ${x1},${y1} L${x1},${y1 + w} C${xm},${y1 + w} ${xm},${y0 + w} ${x0},${y0 + w} Z`;
      return { key: `${l.from}>${l.to}`, d, color: COLORS[index.get(l.from)! % COLORS.length] };
    });
  const label = (k: string) => p.nodes[index.get(k)!]!.label;
  return (
    <figure className="dl-chart">
      <figcaption className="dl-chart-title">{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${p.title}. ${p.description}`}>
        {bands.map((b) => (
          <path key={b.key} d={b.d} fill={b.color} fillOpacity="0.35" stroke="none" />
        ))}
        {p.nodes.map((n, i) => (
          <g key={n.key}>
            <rect
              x={x(n.key) - 6}
              y={nodeTop(n.key)}
              width="12"
              height={Math.max(2, size(n.key) * scale)}
              fill="#1a1a1a"
            />
            <text
              x={x(n.key)}
              y={i % 2 === 0 ? 12 : 24}
              fontSize="11"
              textAnchor={i === 0 ? 'start' : i === p.nodes.length - 1 ? 'end' : 'middle'}
              fill="#1a1a1a"
            >
              {n.label}
            </text>
          </g>
        ))}
      </svg>
      <DataTable
        label={p.tableLabel}
        columns={p.columns}
        rows={links.map((l) => [label(l.from), label(l.to), l.n])}
      />
    </figure>
  );
}
