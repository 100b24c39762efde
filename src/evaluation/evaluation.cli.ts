// `digiloft evaluate …`: effect and survival estimates for analysts, from any CSV with a header.
import fs from 'node:fs';
import type { Command } from 'commander';
import { CliInputError } from '../platform/cli/cli-error';
import { EstimationError, estimateEffect, ivEffect, type EffectMethod } from './effect.model';
import {
  adjustBH,
  efficacyBoundaries,
  powerOfProportions,
  sizeForProportions,
  type Spending,
} from './design.model';
import { coxFit, kaplanMeier, logRank, type SurvivalData } from './survival.model';
import { TableError, binary, columns, parseTable, type Table } from './table';
import { kmPlotSvg } from './plots';

const METHODS: (EffectMethod | 'iv')[] = ['difference', 'regression', 'psm-nn', 'iv'];

function readTable(file: string): Table {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliInputError(`Cannot read ${file}.`);
  }
  return parseTable(text);
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Estimation and table problems are the analyst's input, not a crash. */
function asInput<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof TableError || err instanceof EstimationError)
      throw new CliInputError(err.message);
    throw err;
  }
}

const num = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

/** Group labels in a natural order: numbers numerically, text alphabetically. */
function levelsOf(values: string[]): string[] {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => Number.isFinite(Number(v)));
  return distinct.sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
}

export function registerEvaluationCommands(program: Command) {
  const evaluate = program
    .command('evaluate')
    .description('Programme evaluation: effect estimates and survival analysis from a CSV.');

  evaluate
    .command('effect')
    .description(
      'Effect of a 0/1 treatment on an outcome: difference in means, OLS with covariates, nearest-neighbour propensity-score matching (effect on the treated), or two-stage least squares with instruments (iv; the treatment may be any number).',
    )
    .requiredOption('--input <file>', 'CSV with a header row')
    .requiredOption('--treatment <column>', '0/1 column: 1 = took part')
    .requiredOption('--outcome <column>', 'numeric outcome column')
    .option('--covariates <a,b,…>', 'columns to adjust or match on')
    .requiredOption('--method <method>', `one of ${METHODS.join(', ')}`)
    .option('--instrument <a,b,…>', 'iv: the instrument column(s), e.g. the lottery')
    .option('--json', 'print {"estimate","se","ci95":[lo,hi],"n_treated","n_control"}')
    .action(
      (opts: {
        input: string;
        treatment: string;
        outcome: string;
        covariates?: string;
        method: string;
        instrument?: string;
        json?: boolean;
      }) => {
        const method = METHODS.find((m) => m === opts.method);
        if (!method)
          throw new CliInputError(`Unknown method "${opts.method}"; use ${METHODS.join(', ')}.`);
        const covariates = list(opts.covariates);
        if (method === 'psm-nn' && covariates.length === 0)
          throw new CliInputError('psm-nn needs --covariates to model the propensity score.');
        const instruments = list(opts.instrument);
        if (method === 'iv' && instruments.length === 0)
          throw new CliInputError('iv needs --instrument with at least one column.');
        if (method !== 'iv' && instruments.length > 0)
          throw new CliInputError('--instrument belongs to --method iv.');
        const table = readTable(opts.input);
        const result = asInput(() => {
          const c = columns(table, [
            ...new Set([opts.outcome, opts.treatment, ...covariates, ...instruments]),
          ]);
          if (c.dropped > 0)
            process.stderr.write(`${c.dropped} rows with missing values left out.\n`);
          if (method === 'iv')
            return ivEffect(
              c.numeric[opts.outcome]!,
              c.numeric[opts.treatment]!,
              instruments.map((k) => c.numeric[k]!),
              covariates.map((k) => c.numeric[k]!),
            );
          return estimateEffect(
            c.numeric[opts.outcome]!,
            binary(opts.treatment, c.numeric[opts.treatment]!),
            method === 'difference' ? [] : covariates.map((k) => c.numeric[k]!),
            method,
          );
        });
        if (opts.json) {
          process.stdout.write(JSON.stringify(result) + '\n');
          return;
        }
        process.stdout.write(
          [
            `Effect of ${opts.treatment} on ${opts.outcome} (${method})`,
            `  estimate  ${num(result.estimate, 2)}`,
            `  SE        ${num(result.se, 2)}`,
            `  95 % CI   ${num(result.ci95[0], 2)} to ${num(result.ci95[1], 2)}`,
            result.n_treated === null
              ? `  rows ${'n' in result ? result.n : ''}`
              : `  treated ${result.n_treated}, controls ${result.n_control}`,
          ].join('\n') + '\n',
        );
      },
    );

  const probability = (name: string, v: string | undefined, fallback?: number) => {
    if (v === undefined && fallback !== undefined) return fallback;
    const x = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(x))
      throw new CliInputError(`--${name} needs a number (got "${v ?? ''}").`);
    return x;
  };

  evaluate
    .command('power')
    .description(
      'Sample size per arm (or power) to detect a difference between two proportions: two-sided normal approximation, as R power.prop.test.',
    )
    .requiredOption('--p1 <p>', 'the comparison group’s proportion (e.g. exit rate)')
    .requiredOption('--p2 <p>', 'the proportion with the effect')
    .option('--alpha <a>', 'significance level', '0.05')
    .option('--power <p>', 'power wanted (default 0.8)')
    .option('--n <n>', 'people per arm: report the power instead')
    .option('--one-sided', 'a one-sided test')
    .option('--json', 'print {"n_per_arm": N} or {"power": P}')
    .action(
      (opts: {
        p1: string;
        p2: string;
        alpha: string;
        power?: string;
        n?: string;
        oneSided?: boolean;
        json?: boolean;
      }) => {
        if (opts.n !== undefined && opts.power !== undefined)
          throw new CliInputError('Give --power or --n, not both.');
        const design = {
          p1: probability('p1', opts.p1),
          p2: probability('p2', opts.p2),
          alpha: probability('alpha', opts.alpha),
          sides: opts.oneSided ? (1 as const) : (2 as const),
        };
        if (opts.n !== undefined) {
          const power = asInput(() =>
            powerOfProportions({ ...design, n: probability('n', opts.n) }),
          );
          process.stdout.write(
            opts.json ? JSON.stringify({ power }) + '\n' : `Power ${num(power, 4)}\n`,
          );
          return;
        }
        const exact = asInput(() =>
          sizeForProportions({ ...design, power: probability('power', opts.power, 0.8) }),
        );
        const n = Math.ceil(exact - 1e-9);
        process.stdout.write(
          opts.json
            ? JSON.stringify({ n_per_arm: n }) + '\n'
            : `${n} per arm (${num(exact, 2)} before rounding up), ${2 * n} in all\n`,
        );
      },
    );

  evaluate
    .command('boundaries')
    .description(
      'One-sided group-sequential efficacy boundaries (z) by Lan–DeMets alpha spending, for looks at the given information fractions.',
    )
    .requiredOption('--looks <t1,t2,…>', 'information fractions, increasing, the last usually 1')
    .option('--alpha <a>', 'one-sided significance level', '0.025')
    .option('--spending <f>', 'obf (O’Brien–Fleming-type) or pocock (Pocock-type)', 'obf')
    .option('--json', 'print {"z":[…],"alpha_spent":[…]}')
    .action((opts: { looks: string; alpha: string; spending: string; json?: boolean }) => {
      if (opts.spending !== 'obf' && opts.spending !== 'pocock')
        throw new CliInputError(`Unknown spending "${opts.spending}"; use obf or pocock.`);
      const looks = list(opts.looks).map((v) => probability('looks', v));
      const b = asInput(() =>
        efficacyBoundaries(looks, {
          alpha: probability('alpha', opts.alpha),
          spending: opts.spending as Spending,
        }),
      );
      if (opts.json) {
        process.stdout.write(JSON.stringify({ z: b.z, alpha_spent: b.alphaSpent }) + '\n');
        return;
      }
      process.stdout.write(
        [
          `${'look'.padEnd(6)}${'fraction'.padStart(10)}${'z'.padStart(10)}${'alpha spent'.padStart(14)}`,
          ...looks.map(
            (t, k) =>
              `${String(k + 1).padEnd(6)}${num(t, 3).padStart(10)}${num(b.z[k]!).padStart(10)}${num(b.alphaSpent[k]!, 6).padStart(14)}`,
          ),
        ].join('\n') + '\n',
      );
    });

  evaluate
    .command('adjust')
    .description('Adjust p-values for many comparisons (bh: Benjamini–Hochberg, as R p.adjust).')
    .requiredOption('--p <p1,p2,…>', 'the p-values')
    .option('--method <m>', 'bh', 'bh')
    .option('--json', 'print {"adjusted":[…]}')
    .action((opts: { p: string; method: string; json?: boolean }) => {
      if (opts.method !== 'bh') throw new CliInputError(`Unknown method "${opts.method}"; use bh.`);
      const p = list(opts.p).map((v) => probability('p', v));
      if (p.length === 0) throw new CliInputError('--p needs at least one p-value.');
      const adjusted = asInput(() => adjustBH(p));
      process.stdout.write(
        opts.json
          ? JSON.stringify({ adjusted }) + '\n'
          : adjusted.map((a, i) => `${num(p[i]!)} → ${num(a)}`).join('\n') + '\n',
      );
    });

  evaluate
    .command('survival')
    .description(
      'Time to event: Kaplan–Meier curves per group with 95 % bands, the log-rank test, and a Cox model (Efron ties). With --start, rows are (start, stop] intervals for time-varying covariates.',
    )
    .requiredOption('--input <file>', 'CSV with a header row')
    .requiredOption('--time <column>', 'time of the event or of censoring (the stop time)')
    .requiredOption('--event <column>', '0/1 column: 1 = the event happened at that time')
    .option('--start <column>', 'entry time of each row (counting-process data)')
    .option('--group <column>', 'compare groups (Kaplan–Meier per group, log-rank test)')
    .option('--covariates <a,b,…>', 'Cox model covariates (default: the group)')
    .option('--plot <file.svg>', 'draw the Kaplan–Meier curves to an SVG file')
    .option(
      '--json',
      'print {"km":{"<group>":[{"time","n_risk","events","survival","ci95"}]},"logrank":{"chi2","df","p"},"cox":{"coefficients":{…},"loglik","concordance"}}',
    )
    .action(
      (opts: {
        input: string;
        time: string;
        event: string;
        start?: string;
        group?: string;
        covariates?: string;
        plot?: string;
        json?: boolean;
      }) => {
        const covariates = list(opts.covariates);
        const table = readTable(opts.input);
        const tty = process.stderr.isTTY && !opts.json;
        const out = asInput(() => {
          const numeric = [opts.time, opts.event, ...(opts.start ? [opts.start] : [])];
          const c = columns(
            table,
            [...new Set([...numeric, ...covariates])],
            opts.group ? [opts.group] : [],
          );
          if (c.dropped > 0)
            process.stderr.write(`${c.dropped} rows with missing values left out.\n`);
          const all: SurvivalData = {
            stop: c.numeric[opts.time]!,
            event: binary(opts.event, c.numeric[opts.event]!),
            ...(opts.start ? { start: c.numeric[opts.start]! } : {}),
          };
          const groupValues = opts.group ? c.text[opts.group]! : null;
          const levels = groupValues ? levelsOf(groupValues) : ['all'];
          const groupIndex = Int32Array.from({ length: all.stop.length }, (_, i) =>
            groupValues ? levels.indexOf(groupValues[i]!) : 0,
          );
          const km: Record<string, ReturnType<typeof kaplanMeier>> = {};
          levels.forEach((level, g) => {
            const rows = [...groupIndex.keys()].filter((i) => groupIndex[i] === g);
            // The same kind of typed array as the column: the constructor check decides which.
            const pick = <T extends Float64Array | Uint8Array>(a: T) =>
              a.constructor === Uint8Array
                ? (Uint8Array.from(rows, (i) => a[i]!) as T)
                : (Float64Array.from(rows, (i) => a[i]!) as T);
            km[level] = kaplanMeier({
              stop: pick(all.stop),
              event: pick(all.event),
              ...(all.start ? { start: pick(all.start) } : {}),
            });
          });
          const logrank = levels.length > 1 ? logRank(all, groupIndex, levels.length) : null;
          let coxCovariates: Record<string, Float64Array> = Object.fromEntries(
            covariates.map((k) => [k, c.numeric[k]!]),
          );
          if (covariates.length === 0 && levels.length > 1)
            coxCovariates = Object.fromEntries(
              levels
                .slice(1)
                .map((level, k) => [
                  `${opts.group}=${level}`,
                  Float64Array.from(groupIndex, (g) => (g === k + 1 ? 1 : 0)),
                ]),
            );
          const cox =
            Object.keys(coxCovariates).length > 0
              ? coxFit(all, coxCovariates, {
                  onIteration: (i, ll) => {
                    if (tty)
                      process.stderr.write(
                        `\rCox iteration ${i}, log-likelihood ${ll.toFixed(3)}   `,
                      );
                  },
                })
              : null;
          if (tty) process.stderr.write('\r' + ' '.repeat(60) + '\r');
          return { km, logrank, cox };
        });
        if (opts.plot) {
          fs.writeFileSync(
            opts.plot,
            kmPlotSvg(
              Object.entries(out.km).map(([name, rows]) => ({ name, rows })),
              { title: `Kaplan–Meier: ${opts.event}`, xLabel: opts.time, yLabel: 'S(t)' },
            ),
          );
          process.stderr.write(`Plot written to ${opts.plot}.\n`);
        }
        const cox = out.cox && {
          coefficients: out.cox.coefficients,
          loglik: out.cox.loglik,
          concordance: out.cox.concordance,
          loglik_null: out.cox.loglikNull,
          n: out.cox.n,
          events: out.cox.events,
        };
        if (opts.json) {
          process.stdout.write(JSON.stringify({ km: out.km, logrank: out.logrank, cox }) + '\n');
          return;
        }
        const lines: string[] = [];
        for (const [name, rows] of Object.entries(out.km)) {
          const last = rows.at(-1);
          lines.push(
            `Kaplan–Meier ${name}: ${rows.reduce((s, r) => s + r.events, 0)} events` +
              (last
                ? `, S(${last.time}) = ${num(last.survival, 3)} [${num(last.ci95[0], 3)}, ${num(last.ci95[1], 3)}]`
                : ''),
          );
        }
        if (out.logrank)
          lines.push(
            `Log-rank: χ² ${num(out.logrank.chi2, 3)} on ${out.logrank.df} df, p ${num(out.logrank.p, 4)}`,
          );
        if (cox) {
          lines.push(`Cox (Efron ties), n ${cox.n}, ${cox.events} events`);
          lines.push(
            `  ${'covariate'.padEnd(16)}${'coef'.padStart(10)}${'se'.padStart(10)}${'HR'.padStart(10)}${'p'.padStart(10)}`,
          );
          for (const [name, c] of Object.entries(cox.coefficients))
            lines.push(
              `  ${name.padEnd(16)}${num(c.coef).padStart(10)}${num(c.se).padStart(10)}${num(c.hr, 3).padStart(10)}${num(c.p).padStart(10)}`,
            );
          lines.push(
            `  partial log-likelihood ${num(cox.loglik, 3)}, concordance ${num(cox.concordance, 3)}`,
          );
        }
        process.stdout.write(lines.join('\n') + '\n');
      },
    );
}
