import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { calibrate2pl, parseResponseCsv } from './calibrate';
import { eap, map } from './score';
import type { Item2PL } from './irt.model';
import { CliInputError } from '../../platform/cli/cli-error';

const ParamsFile = z.object({
  items: z.array(z.object({ id: z.string(), a: z.number(), d: z.number() })).min(1),
});

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliInputError(`Cannot read ${file}.`);
  }
}

function out(json: boolean | undefined, value: unknown, human: string) {
  process.stdout.write(json ? JSON.stringify(value) + '\n' : human + '\n');
}

export function registerIrtCommands(program: Command) {
  const irt = program
    .command('irt')
    .description('Item response theory: calibrate items and score respondents.');

  irt
    .command('calibrate')
    .description(
      'Estimate 2PL item parameters (slope-intercept, θ ~ N(0,1)) by marginal maximum likelihood (EM).',
    )
    .requiredOption('--input <file>', 'CSV with a header row and one 0/1/blank column per item')
    .option('--count-column <name>', 'column holding how many respondents gave each row’s pattern')
    .option('--model <model>', 'IRT model (2pl)', '2pl')
    .option('--json', 'print {"items":[{"id","a","d","b"}],"logLik"}')
    .action((opts: { input: string; countColumn?: string; model: string; json?: boolean }) => {
      if (opts.model !== '2pl')
        throw new CliInputError(`Unknown model "${opts.model}"; supported: 2pl.`);
      let data;
      try {
        data = parseResponseCsv(read(opts.input), opts.countColumn);
      } catch (err) {
        throw new CliInputError(err instanceof Error ? err.message : String(err));
      }
      const tty = process.stderr.isTTY;
      const result = calibrate2pl(data, {
        onIteration: (i, ll, change) => {
          if (tty && i % 10 === 0)
            process.stderr.write(
              `\rEM iteration ${i}  logLik ${ll.toFixed(3)}  change ${change.toExponential(1)}   `,
            );
        },
      });
      if (tty) process.stderr.write('\r' + ' '.repeat(70) + '\r');
      if (!result.converged)
        process.stderr.write(`warning: EM did not converge in ${result.iterations} iterations\n`);
      const items = result.items.map((i) => ({
        id: i.id,
        a: round(i.a),
        d: round(i.d),
        b: round(i.b),
      }));
      out(
        opts.json,
        { items, logLik: round(result.logLik) },
        [
          `${'item'.padEnd(16)}${'a'.padStart(10)}${'d'.padStart(10)}${'b'.padStart(10)}`,
          ...items.map(
            (i) =>
              `${i.id.padEnd(16)}${i.a.toFixed(3).padStart(10)}${i.d.toFixed(3).padStart(10)}${i.b.toFixed(3).padStart(10)}`,
          ),
          `log-likelihood ${result.logLik.toFixed(3)} after ${result.iterations} EM iterations`,
        ].join('\n'),
      );
    });

  irt
    .command('score')
    .description('Estimate each respondent’s ability θ with a N(0,1) prior.')
    .requiredOption('--items <file>', 'item parameters as `irt calibrate --json` prints them')
    .requiredOption(
      '--input <file>',
      'CSV with one row per respondent and one 0/1/blank column per item',
    )
    .option(
      '--method <method>',
      'eap (posterior mean and SD) or map (posterior mode, SE from curvature)',
      'eap',
    )
    .option('--json', 'print {"scores":[{"theta","se"}]}')
    .action((opts: { items: string; input: string; method: string; json?: boolean }) => {
      if (opts.method !== 'eap' && opts.method !== 'map')
        throw new CliInputError(`Unknown method "${opts.method}"; use eap or map.`);
      let parsedParams: unknown;
      try {
        parsedParams = JSON.parse(read(opts.items));
      } catch (err) {
        throw err instanceof CliInputError
          ? err
          : new CliInputError(`${opts.items} is not valid JSON.`);
      }
      const params = ParamsFile.safeParse(parsedParams);
      if (!params.success)
        throw new CliInputError(`${opts.items} does not hold {"items":[{"id","a","d"}]}.`);
      let data;
      try {
        data = parseResponseCsv(
          read(opts.input),
          undefined,
          params.data.items.map((it) => it.id),
        );
      } catch (err) {
        throw new CliInputError(err instanceof Error ? err.message : String(err));
      }
      const columns = params.data.items.map((it) => data.itemIds.indexOf(it.id));
      if (columns.every((c) => c < 0))
        throw new CliInputError(
          'None of the items in the parameter file is a column of the input.',
        );
      const items: Item2PL[] = params.data.items.map((it) => ({ kind: '2pl', a: it.a, d: it.d }));
      const estimate = opts.method === 'eap' ? eap : map;
      const scores = data.patterns.map((row) => {
        const s = estimate(
          items,
          columns.map((c) => (c < 0 ? null : row[c]!)),
        );
        return { theta: round(s.theta), se: round(s.se) };
      });
      out(
        opts.json,
        { scores },
        scores
          .map(
            (s, i) =>
              `${String(i + 1).padStart(6)}  θ ${s.theta.toFixed(3).padStart(7)}  SE ${s.se.toFixed(3)}`,
          )
          .join('\n'),
      );
    });
}

function round(x: number) {
  return Math.round(x * 1e6) / 1e6;
}
