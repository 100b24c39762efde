// `bin/digiloft`: serve and migrate, and every area's commands (from the module list).
import { Command } from 'commander';
import { createLogger } from '../platform/logging';
import { loadConfig } from '../platform/config';
import { openAndMigrate, verifiedCipher } from '../platform/bootstrap';
import { LogSender, deliverDue, forgetRecipientDigests } from '../platform/messaging/outbox';
import { MaildropSender } from '../platform/messaging/maildrop';
import { HttpSmsSender } from '../platform/messaging/sms-gateway';
import { purgeRateCounters } from '../platform/http/rate-limit';
import { progressBar } from '../platform/cli/progress';
import { CliInputError } from '../platform/cli/cli-error';
import { DomainError } from '../platform/errors';
import { t } from '../platform/i18n/messages';
import { runJob, type Job } from '../platform/module';
import { hasMunicipalities, mailSenderFor } from '../organisation';
import { seedDemo } from '../demo';
import { buildContext } from './context';
import { buildServer } from './server';
import { MODULES } from './modules';

/** The platform's own timed work, beside the areas'. */
const PLATFORM_JOBS: Job[] = [
  {
    name: 'message recipients and rate counters',
    everyMs: 3600_000,
    run: async (task) => {
      await forgetRecipientDigests(task.tx);
      await purgeRateCounters(task.tx);
    },
  },
];

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
      if (!(await hasMunicipalities(database.db))) {
        logger.info('empty embedded database: seeding the Copenhagen demo');
        const bar = progressBar('Demo data', true);
        await seedDemo(database.db, cipher, { onProgress: (d, t) => bar.update(d, t) });
        bar.stop();
      }
    }
    const ctx = buildContext(config, database, cipher);
    const app = await buildServer(ctx, { loggerInstance: logger });
    const timers: NodeJS.Timeout[] = [];
    for (const job of [...PLATFORM_JOBS, ...MODULES.flatMap((m) => m.jobs ?? [])]) {
      const run = () =>
        runJob(job, ctx).catch((err: unknown) => logger.warn({ err }, `${job.name}: failed`));
      await run();
      const timer = setInterval(() => void run(), job.everyMs);
      timer.unref();
      timers.push(timer);
    }
    // The outbox worker: confirmations and reminders go out within half a minute.
    const sender = config.mailDir
      ? new MaildropSender(config.mailDir)
      : new LogSender((line) => logger.info(line));
    // Each municipality's e-mail through its own mail server once an admin has set one.
    const senderFor = mailSenderFor(
      cipher,
      sender,
      config.smsGateway ? new HttpSmsSender(config.smsGateway) : sender,
    );
    const send = () =>
      deliverDue(database.db, senderFor).catch((err: unknown) =>
        logger.warn({ err }, 'sending messages failed'),
      );
    const outboxTimer = setInterval(() => void send(), 30_000);
    outboxTimer.unref();
    const close = async () => {
      for (const t of [...timers, outboxTimer]) clearInterval(t);
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void close());
    process.once('SIGTERM', () => void close());
    await app.listen({ port: config.port, host: config.host });
    if (config.publicUrlWarning) logger.warn(config.publicUrlWarning);
    logger.info(
      ctx.speech
        ? `read-aloud: the server's voice (eSpeak NG) for ${ctx.speech.languages.join(', ')}`
        : 'read-aloud: no speech engine (apt-get install espeak-ng); pages use the browser’s voices only',
    );
    logger.info(
      `Digiløft is running at ${config.publicUrl} (listening on ${config.host}:${config.port}, database: ${database.kind})`,
    );
  });

program
  .command('migrate')
  .description('Apply database migrations (DATABASE_URL, or the embedded database in DATA_DIR).')
  .action(async () => {
    const database = await openAndMigrate(loadConfig());
    await database.close();
    process.stderr.write(`Migrations applied (${database.kind}).\n`);
  });

for (const m of MODULES) m.cli?.(program);

function fail(message: string): never {
  process.stderr.write(`digiloft: ${message}\n`);
  process.exit(2);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CliInputError) fail(err.message);
  // A use case's refusal (an e-mail in use, a name taken) is the operator's to fix.
  if (err instanceof DomainError && err.kind !== 'unavailable') fail(t('en', err.key, err.params));
  process.stderr.write(`digiloft: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
