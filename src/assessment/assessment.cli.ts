import type { Command } from 'commander';
import { z } from 'zod';
import { catBank } from './bank';
import { DEFAULT_CAT, simulate } from './cat';
import { DEFAULT_CUTS } from './triage';
import { CliInputError } from '../platform/cli/cli-error';
import { progressBar } from '../platform/cli/progress';

export function registerAssessmentCommands(program: Command) {
  const assessment = program
    .command('assessment')
    .description('The voluntary digital competence test.');
  assessment
    .command('simulate')
    .description(
      'Simulated citizens (θ ~ N(0,1)) answer the whole item bank; the adaptive test is compared with the full bank’s triage, and with the shortest fixed form that agrees as often.',
    )
    .option('--respondents <n>', 'number of simulated citizens', '1000')
    .option('--seed <n>', 'random seed, for reproducible runs', '1')
    .option(
      '--foundation-cut <theta>',
      'cut score below which a citizen lacks the basics',
      String(DEFAULT_CUTS.foundation),
    )
    .option(
      '--job-cut <theta>',
      'cut score below which a citizen lacks what the job goal needs',
      String(DEFAULT_CUTS.jobGoal),
    )
    .option('--json', 'print {"mean_items","fixed_form_items","agreement","mean_se",…}')
    .action(
      (opts: {
        respondents: string;
        seed: string;
        foundationCut: string;
        jobCut: string;
        json?: boolean;
      }) => {
        const parsed = z
          .object({
            respondents: z.coerce.number().int().min(1).max(100_000),
            seed: z.coerce.number().int(),
            foundation: z.coerce.number().min(-4).max(4),
            jobGoal: z.coerce.number().min(-4).max(4),
          })
          .refine(
            (v) => v.foundation <= v.jobGoal,
            'the foundation cut must not be above the job-goal cut',
          )
          .safeParse({
            respondents: opts.respondents,
            seed: opts.seed,
            foundation: opts.foundationCut,
            jobGoal: opts.jobCut,
          });
        if (!parsed.success)
          throw new CliInputError(
            parsed.error.issues
              .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
              .join('; '),
          );
        const { respondents, seed, foundation, jobGoal } = parsed.data;
        const bar = progressBar('Simulating', true);
        const result = simulate(
          catBank(),
          { foundation, jobGoal },
          { respondents, seed, settings: DEFAULT_CAT, onProgress: (d, t) => bar.update(d, t) },
        );
        bar.stop();
        const rounded = Object.fromEntries(
          Object.entries(result).map(([k, v]) => [k, Math.round(v * 1e4) / 1e4]),
        );
        if (opts.json) {
          process.stdout.write(JSON.stringify(rounded) + '\n');
          return;
        }
        process.stdout.write(
          [
            `simulated citizens            ${result.respondents}`,
            `scored items in the bank      ${result.bank_items}`,
            `adaptive test, mean items     ${result.mean_items.toFixed(1)}`,
            `  median / 90th percentile    ${result.median_items} / ${result.p90_items}`,
            `agreement with the full bank  ${(result.agreement * 100).toFixed(1)} %`,
            `fixed form for that agreement ${result.fixed_form_items} items (${(result.fixed_form_agreement * 100).toFixed(1)} %)`,
            `adaptive / fixed              ${(result.mean_items / result.fixed_form_items).toFixed(2)}`,
            `mean posterior SD of θ        ${result.mean_se.toFixed(3)}`,
          ].join('\n') + '\n',
        );
      },
    );
}
