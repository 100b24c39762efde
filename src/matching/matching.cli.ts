// `digiloft matchmaking schedule`: the event scheduler on a JSON file, for planners and tests.
import fs from 'node:fs';
import type { Command } from 'commander';
import { CliInputError } from '../platform/cli/cli-error';
import { schedule, ScheduleInputError, validateScheduleInput } from './scheduler/schedule.model';

export function registerMatchingCommands(program: Command) {
  const matchmaking = program
    .command('matchmaking')
    .description('Matchmaking events: schedule meetings between companies and candidates.');

  matchmaking
    .command('schedule')
    .description(
      'Best schedule of meetings (HiGHS MIP): wished pairs only, once each; one meeting a slot per candidate, at most `tables` per company.',
    )
    .requiredOption(
      '--input <file>',
      'JSON: {slots, companies, candidates, preferences, unavailable}',
    )
    .option('--fair', 'first the most candidates with a meeting, then the largest total weight')
    .option(
      '--time-limit <seconds>',
      'stop with the best schedule so far and the proven bound',
      '600',
    )
    .option('--json', 'print {"status","objective","candidatesMet","meetings",…}')
    .action(async (opts: { input: string; fair?: boolean; timeLimit: string; json?: boolean }) => {
      let text: string;
      try {
        text = fs.readFileSync(opts.input, 'utf8');
      } catch {
        throw new CliInputError(`Cannot read ${opts.input}.`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        throw new CliInputError(`${opts.input} is not valid JSON: ${(err as Error).message}`);
      }
      const timeLimit = Number(opts.timeLimit);
      if (!(timeLimit > 0))
        throw new CliInputError('--time-limit must be a positive number of seconds.');
      let input;
      try {
        input = validateScheduleInput(raw);
      } catch (err) {
        if (err instanceof ScheduleInputError) throw new CliInputError(err.message);
        throw err;
      }
      const started = performance.now();
      const result = await schedule(input, {
        fair: opts.fair ?? false,
        timeLimit,
        onPhase: (phase) => process.stderr.write(`Solving ${phase}…\n`),
      });
      if (opts.json) {
        const { status, objective, candidatesMet, meetings, bound, gap, reason } = result;
        process.stdout.write(
          JSON.stringify({
            status,
            objective,
            candidatesMet,
            meetings,
            bound,
            gap,
            ...(reason ? { reason } : {}),
          }) + '\n',
        );
        return;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const lines = [
        `Status: ${result.status}${result.reason ? ` (${result.reason})` : ''} in ${seconds} s`,
        `Total weight: ${result.objective} (bound ${result.bound}, gap ${(result.gap * 100).toFixed(2)} %)`,
        `Candidates with a meeting: ${result.candidatesMet} of ${input.candidates.length}`,
        `Meetings: ${result.meetings.length}`,
        '',
        'slot\tcompany\ttable\tcandidate',
        ...result.meetings.map((m) => `${m.slot}\t${m.company}\t${m.table}\t${m.candidate}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
