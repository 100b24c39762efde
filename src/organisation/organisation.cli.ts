// `digiloft users create`: the first administrator of a municipality, or any user, from the
// command line.
import { Option, type Command } from 'commander';
import { loadConfig } from '../platform/config';
import { openAndMigrate } from '../platform/bootstrap';
import { CliInputError } from '../platform/cli/cli-error';
import { installationUseCase } from '../platform/use-case';
import { ROLES, type Role } from '../platform/auth/roles';
import { UserCreateInput } from './organisation.contract';
import { createStaffUser } from './organisation.use-cases';
import { findMunicipalityByCode } from './organisation.store';

const CLI_INPUT_MESSAGES: Record<string, string> = {
  email: 'Invalid e-mail address.',
  password: 'A password of at least 12 characters is required.',
};

export function registerOrganisationCommands(program: Command) {
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
    .option(
      '--password <password>',
      'password (at least 12 characters); else read DIGILOFT_PASSWORD',
    )
    .option('--json', 'print the created user as JSON')
    .action(
      async (opts: {
        email: string;
        name: string;
        /** Commander has checked each against ROLES (`.choices`). */
        role: Role[];
        municipality: string;
        password?: string;
        json?: boolean;
      }) => {
        // The admin page's own input rules, said in the operator's terms.
        const parsed = UserCreateInput.safeParse({
          email: opts.email,
          name: opts.name,
          roles: opts.role,
          password: opts.password ?? process.env.DIGILOFT_PASSWORD,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = String(issue?.path[0] ?? '');
          throw new CliInputError(CLI_INPUT_MESSAGES[field] ?? `--${field}: ${issue?.message}`);
        }
        const database = await openAndMigrate(loadConfig());
        try {
          const m = await findMunicipalityByCode(database.db, opts.municipality);
          if (!m) throw new CliInputError(`No municipality with code ${opts.municipality}.`);
          // No one is logged in to act: the installation creates the user through the same use
          // case as the admin page, audited as the system's doing.
          const row = await database.db.transaction((tx) =>
            createStaffUser(installationUseCase(tx, m.id), parsed.data),
          );
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
}
