// `digiloft register import`: weekly register data from a CSV file into the database, all or
// nothing, with progress on a terminal and a validation report. `digiloft pilots
// verify-lottery`: anyone's check of a drawn lottery from its published record, offline.
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config';
import { openAndMigrate, verifiedCipher } from '../platform/bootstrap';
import { progressBar } from '../platform/cli/progress';
import { CliInputError } from '../platform/cli/cli-error';
import { findMunicipalityByCode } from '../organisation';
import { importRegisterData } from './pilots.use-cases';
import { verifyLottery } from './pilots.model';
import { LotteryRecordView } from './pilots.contract';
import { systemAudit } from '../platform/audit';

export function registerPilotCommands(program: Command) {
  program
    .command('pilots')
    .description('Pilot projects.')
    .command('verify-lottery')
    .description(
      "Check a drawn lottery from its published record (the JSON from the pilot's page): the seed gives the commitment, and the draw redone from the seed and the published order gives the same groups. Needs no database.",
    )
    .requiredOption('--input <file>', 'the lottery record (JSON)')
    .option('--json', 'print the result as JSON')
    .action((opts: { input: string; json?: boolean }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(opts.input, 'utf8'));
      } catch {
        throw new CliInputError(`Cannot read ${opts.input} as JSON.`);
      }
      const parsed = LotteryRecordView.omit({ check: true }).safeParse(raw);
      if (!parsed.success)
        throw new CliInputError(
          `${opts.input} is not a lottery record: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`,
        );
      const result = verifyLottery(parsed.data);
      if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
      else
        process.stdout.write(
          [
            `Seed gives the commitment:     ${result.commitmentMatches ? 'yes' : 'NO'}`,
            `Draw redone gives the groups:  ${result.drawMatches ? 'yes' : 'NO'}`,
            result.valid ? 'The lottery checks out.' : 'The lottery does NOT check out.',
          ].join('\n') + '\n',
        );
      process.exitCode = result.valid ? 0 : 1;
    });

  const register = program
    .command('register')
    .description('Register data for evaluating pilots (DREAM-style weekly status).');
  register
    .command('import')
    .description(
      'Import a CSV with columns cpr, week (YYYY-Www), benefit, employed (0/1), education (0/1). Every row is checked first; nothing is written if one is wrong. Rows about people who are not citizens of the municipality are skipped and counted.',
    )
    .requiredOption('--input <file>', 'the CSV file')
    .requiredOption('--municipality <code>', 'kommunekode, e.g. 0101')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { input: string; municipality: string; json?: boolean }) => {
      let size: number;
      try {
        size = fs.statSync(opts.input).size;
      } catch {
        throw new CliInputError(`Cannot read ${opts.input}.`);
      }
      const config = loadConfig();
      const database = await openAndMigrate(config);
      try {
        const m = await findMunicipalityByCode(database.db, opts.municipality);
        if (!m) throw new CliInputError(`No municipality with code ${opts.municipality}.`);
        const cipher = await verifiedCipher(config, database);
        const reading = progressBar('Checking rows', !opts.json);
        const writing = progressBar('Writing rows', !opts.json);
        // Run by an operator on the server: the access log says so (no user behind it).
        const report = await importRegisterData(
          database.db,
          systemAudit(m.id),
          cipher,
          fs.createReadStream(opts.input),
          {
            totalBytes: size,
            onProgress: (phase, done, total) =>
              (phase === 'read' ? reading : writing).update(done, total),
          },
        );
        reading.stop();
        writing.stop();
        if (opts.json) process.stdout.write(JSON.stringify(report) + '\n');
        else if (report.problemCount === 0)
          process.stderr.write(
            `Imported ${report.imported} of ${report.rows} rows; ${report.unknownPeople} rows about people who are not citizens here were skipped.\n`,
          );
        else {
          process.stderr.write(
            `Nothing imported: ${report.problemCount} problems. The first ones:\n` +
              report.problems.map((p) => `  line ${p.line}, ${p.column}: ${p.message}`).join('\n') +
              '\n',
          );
        }
        if (report.problemCount > 0) process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
}
