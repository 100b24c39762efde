// `digiloft seed --demo`: the Copenhagen demo, with a progress bar.
import type { Command } from 'commander';
import { z } from 'zod';
import type { AreaModule } from '../platform/module';
import { loadConfig } from '../platform/config';
import { openAndMigrate, verifiedCipher } from '../platform/bootstrap';
import { progressBar } from '../platform/cli/progress';
import { CliInputError } from '../platform/cli/cli-error';
import { seedDemo } from './seed-demo';

function registerDemoCommands(program: Command) {
  program
    .command('seed')
    .description('Load data into the database.')
    .requiredOption(
      '--demo',
      'the Copenhagen demo: sites, one user per role, 800 fictitious citizens in four groups of 200 (general, the Azure pilot’s cohort twice, the office traineeship’s)',
    )
    .option(
      '--citizens <n>',
      'the size of a group (four groups; below 100 the two verdict pilots are left out)',
      '200',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { demo: boolean; citizens: string; json?: boolean }) => {
      const n = z.coerce.number().int().min(1).max(100000).safeParse(opts.citizens);
      if (!n.success)
        throw new CliInputError('--citizens must be a whole number from 1 to 100000.');
      const config = loadConfig();
      const database = await openAndMigrate(config);
      const bar = progressBar('Demo data', !opts.json);
      const result = await seedDemo(database.db, await verifiedCipher(config, database), {
        citizens: n.data,
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.stop();
      await database.close();
      if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
      else
        process.stderr.write(
          result.created
            ? `Seeded ${result.users} users and ${result.citizens} citizens.\n`
            : 'Demo already present; nothing changed.\n',
        );
    });
}

export const demoModule: AreaModule = { name: 'demo', cli: registerDemoCommands };
