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
      'the Copenhagen demo: sites, one user per role and fictitious citizens (by default 800: 200 general, 400 in the Azure pilot’s cohort, 200 in the office traineeship’s)',
    )
    .option(
      '--citizens <n>',
      'how many fictitious citizens in all (half the Azure pilot’s cohort, a quarter the office traineeship’s; below 400 the two verdict pilots are left out)',
      '800',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { demo: boolean; citizens: string; json?: boolean }) => {
      const n = z.coerce.number().int().min(20).max(200000).safeParse(opts.citizens);
      if (!n.success)
        throw new CliInputError(
          '--citizens must be a whole number from 20 to 200000 (the demo’s story needs a few people in each group).',
        );
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
