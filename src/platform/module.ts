// What a business area hands the composition root (src/app/): the platform builds the server,
// the CLI and the schema index from a list of these and knows no area by name.
import type { Command } from 'commander';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from './context';
import type { Capability } from './auth/capabilities';
import type { EndpointDef } from './http/endpoint';
import type { PolicyInfo } from './policy';
import { asSystem, type SystemTask } from './use-case';
import { clock } from './clock';

/** A page path the browser asks for, answered with one of the built web entries. */
export interface PagePath {
  path: string;
  /** The HTML entry in the web build: the app shell, or a light page. */
  file: 'index.html' | 'test.html' | 'workshop.html';
}

/** Work `serve` does on a timer (clean-ups, sending messages). */
export interface Job {
  name: string;
  everyMs: number;
  /**
   * False for a job that waits on something outside (the network): it gets the database and
   * opens its own transactions, since one held while waiting would stall every request on
   * embedded PGlite (one connection). Otherwise the whole run is one transaction.
   */
  transaction?: boolean;
  /** A use case the system runs at one moment (platform/use-case.ts). */
  run(task: SystemTask, ctx: AppContext): Promise<unknown>;
}

/** Runs a job once as `serve` does (tests pass their own moment). */
export function runJob(job: Job, ctx: AppContext, now: Date = clock.now()): Promise<unknown> {
  return job.transaction === false
    ? job.run({ tx: ctx.db, now }, ctx)
    : asSystem(ctx.db, (task) => job.run(task, ctx), now);
}

export interface AreaModule {
  name: string;
  /** The area's Drizzle tables (for migrations and the cross-cutting tests). */
  tables?: Record<string, unknown>;
  /**
   * Tables of the area that no one municipality owns, each with why; every other table carries
   * `municipality_id` (the tenancy check).
   */
  untenantedTables?: Readonly<Record<string, string>>;
  /**
   * The area's endpoint contracts (one object per routes file). The web client's types are
   * built from them (src/web/endpoints.ts), and a check holds them to the routes registered.
   */
  contracts?: readonly Readonly<Record<string, EndpointDef>>[];
  /** Fastify plugins with the area's routes, each declaring its access. */
  routes?: readonly FastifyPluginAsync[];
  /** Paths the area's light pages answer in the browser. */
  pages?: readonly PagePath[];
  /** CLI commands (`bin/digiloft <command>`). */
  cli?: (program: Command) => void;
  jobs?: readonly Job[];
  /** The area's texts (defineMessages registers them when the area is loaded). */
  messages?: { da: Record<string, string>; en: Record<string, string> };
  /**
   * What the web client may show, each as the route whose access decides it
   * (`pilotsApi.listPilots`): the server refuses to start if the route does not exist.
   */
  capabilities?: Partial<Record<Capability, EndpointDef>>;
  /**
   * The area's policies: each action governs at least one endpoint (its contract says
   * `governedBy`) or says why it is checked per record only.
   */
  policies?: readonly PolicyInfo[];
  /** Why the area reads or changes personal data (audit purposes it writes). */
  purposes?: readonly string[];
}
