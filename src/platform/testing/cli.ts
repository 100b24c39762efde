import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../bootstrap';

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, 'bin/digiloft');

/** Runs bin/digiloft as a user would; a failure comes back as its exit code and output. */
export async function runCli(args: string[], env?: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(BIN, args, { env, cwd: PROJECT_ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
