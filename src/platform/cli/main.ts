import { Command, Option } from 'commander';
import { createLogger } from '../logging';
import { z } from 'zod';
import { loadConfig } from '../config';
import { buildContext, openAndMigrate, verifiedCipher } from '../bootstrap';
import { buildApp } from '../http/app';
import { seedDemo } from '../../demo/seed-demo';
import { LogSender, deliverDue, forgetRecipientDigests } from '../messaging/outbox';
import { workshopHousekeeping } from '../../workshops';
import { progressBar } from './progress';
import { registerIrtCommands } from '../../assessment/irt/irt.cli';
import { CliInputError } from './cli-error';
import { registerEvaluationCommands } from '../../evaluation/evaluation.cli';
import { registerAssessmentCommands } from '../../assessment/assessment.cli';
import { registerPilotCommands } from '../../pilots/pilots.cli';
import { authHousekeeping } from '../auth/housekeeping';
import { hashPassword } from '../auth/password';
import { ROLES } from '../auth/roles';
import { findMunicipalityByCode, findUserByEmail, insertUser, Password } from '../../organisation';
import { municipalities } from '../../organisation/organisation.schema';
import { count } from 'drizzle-orm';

const program = new Command();
program
  .name('digiloft')
  .description('Digiløft: digital competence platform for Danish jobcentres.')
  .showHelpAfterError();

program
  .command('serve')
  .description(
    'Run the web app and API. Embedded database (DATA_DIR, default ./data) unless DATABASE_URL is set; migrations are applied on start, and an empty embedded database gets the Copenhagen demo.',
  )
  .option('--no-demo', 'do not seed the demo into an empty embedded database')
  .action(async (opts: { demo: boolean }) => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const database = await openAndMigrate(config);
    const cipher = await verifiedCipher(config, database);
    if (database.kind === 'pglite' && opts.demo) {
      const [row] = await database.db.select({ n: count() }).from(municipalities);
      if ((row?.n ?? 0) === 0) {
        logger.info('empty embedded database: seeding the Copenhagen demo');
        const bar = progressBar('Demo data', true);
        await seedDemo(database.db, cipher, { onProgress: (d, t) => bar.update(d, t) });
        bar.stop();
      }
    }
    const app = await buildApp(buildContext(config, database, cipher), { loggerInstance: logger });
    const tidy = () =>
      Promise.all([
        authHousekeeping(database.db, config.sessionIdleMinutes),
        workshopHousekeeping(database.db),
        forgetRecipientDigests(database.db),
      ]).catch((err: unknown) => logger.warn({ err }, 'housekeeping failed'));
    await tidy();
    const timer = setInterval(() => void tidy(), 3600_000);
    timer.unref();
    // The outbox worker: confirmations and reminders go out within half a minute.
    const sender = new LogSender((line) => logger.info(line));
    const send = () =>
      deliverDue(database.db, sender).catch((err: unknown) =>
        logger.warn({ err }, 'sending messages failed'),
      );
    const outboxTimer = setInterval(() => void send(), 30_000);
    outboxTimer.unref();
    const close = async () => {
      clearInterval(timer);
      clearInterval(outboxTimer);
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void close());
    process.once('SIGTERM', () => void close());
    await app.listen({ port: config.port, host: config.host });
    if (config.publicUrlWarning) logger.warn(config.publicUrlWarning);
    logger.info(
      `Digiløft is running at ${config.publicUrl} (listening on ${config.host}:${config.port}, database: ${database.kind})`,
    );
  });

program
  .command('migrate')
  .description('Apply database migrations (DATABASE_URL, or the embedded database in DATA_DIR).')
  .action(async () => {
    const config = loadConfig();
    const database = await openAndMigrate(config);
    await database.close();
    process.stderr.write(`Migrations applied (${database.kind}).\n`);
  });

program
  .command('seed')
  .description('Load data into the database.')
  .requiredOption(
    '--demo',
    'the Copenhagen demo: sites, one user per role, 600 fictitious citizens (200 per caseworker)',
  )
  .option('--citizens <n>', 'fictitious citizens per caseworker (three caseworkers)', '200')
  .option('--json', 'print the result as JSON')
  .action(async (opts: { demo: boolean; citizens: string; json?: boolean }) => {
    const config = loadConfig();
    const n = z.coerce.number().int().min(1).max(100000).parse(opts.citizens);
    const database = await openAndMigrate(config);
    const bar = progressBar('Demo data', !opts.json);
    const result = await seedDemo(database.db, await verifiedCipher(config, database), {
      citizens: n,
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

const users = program.command('users').description('Manage users.');
users
  .command('create')
  .description('Create a user (e.g. the first administrator of a municipality).')
  .requiredOption('--email <email>', 'login e-mail')
  .requiredOption('--name <name>', 'full name')
  .addOption(
    new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory(),
  )
  .requiredOption('--municipality <code>', 'kommunekode, e.g. 0101')
  .option('--password <password>', 'password (at least 12 characters); else read DIGILOFT_PASSWORD')
  .option('--json', 'print the created user as JSON')
  .action(
    async (opts: {
      email: string;
      name: string;
      role: string[];
      municipality: string;
      password?: string;
      json?: boolean;
    }) => {
      const password = opts.password ?? process.env.DIGILOFT_PASSWORD;
      const email = z.email().safeParse(opts.email);
      if (!email.success) fail('Invalid e-mail address.');
      if (!password || !Password.safeParse(password).success)
        fail('A password of at least 12 characters is required.');
      const config = loadConfig();
      const database = await openAndMigrate(config);
      try {
        const m = await findMunicipalityByCode(database.db, opts.municipality);
        if (!m) fail(`No municipality with code ${opts.municipality}.`);
        if (await findUserByEmail(database.db, m.id, opts.email))
          fail('A user with this e-mail already exists.');
        const row = await insertUser(database.db, {
          municipalityId: m.id,
          email: opts.email,
          name: opts.name,
          roles: opts.role,
          passwordHash: await hashPassword(password),
        });
        if (opts.json)
          process.stdout.write(
            JSON.stringify({ id: row.id, email: row.email, roles: row.roles }) + '\n',
          );
        else process.stderr.write(`Created ${row.email} (${row.roles.join(', ')}).\n`);
      } finally {
        await database.close();
      }
    },
  );

registerIrtCommands(program);
registerAssessmentCommands(program);
registerEvaluationCommands(program);
registerPilotCommands(program);

function fail(message: string): never {
  process.stderr.write(`digiloft: ${message}\n`);
  process.exit(2);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CliInputError) fail(err.message);
  process.stderr.write(`digiloft: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
