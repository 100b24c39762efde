// `digiloft register import`: weekly register data from a CSV file into the database, all or
// nothing, with progress on a terminal and a validation report.
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config';
import { openAndMigrate, verifiedCipher } from '../platform/bootstrap';
import { progressBar } from '../platform/cli/progress';
import { CliInputError } from '../platform/cli/cli-error';
import { findMunicipalityByCode } from '../organisation';
import { importRegister } from './register-import';

export function registerPilotCommands(program: Command) {
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
        const report = await importRegister(
          database.db,
          cipher,
          m.id,
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
