import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../platform/bootstrap';

// `npm run lint` checks the boundaries with dependency-cruiser (.dependency-cruiser.cjs). The
// check is real: planted violations fail it, each with the rule that catches it.
const depcruise = path.join(
  PROJECT_ROOT,
  'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
);

function cruise(file: string, source: string) {
  const planted = path.join(PROJECT_ROOT, file);
  fs.writeFileSync(planted, source);
  try {
    return spawnSync(
      process.execPath,
      [depcruise, file, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
  } finally {
    fs.rmSync(planted, { force: true });
  }
}

describe('boundaries', () => {
  it.each([
    ['src/platform/zz-planted.ts', "export { peopleModule } from '../people';\n", 'layer-platform'],
    [
      'src/people/zz-planted.ts',
      "export { workshopsModule } from '../workshops';\n",
      'layer-people',
    ],
    [
      'src/learning/zz-planted.ts',
      "export { citizens } from '../people/people.schema';\n",
      'areas-through-index',
    ],
    [
      'src/pilots/zz-planted.ts',
      "export { STATUS_OF } from '../platform/http/errors';\n",
      'domain-knows-no-http',
    ],
    [
      'src/pilots/zz-planted.routes.ts',
      "export { eq } from 'drizzle-orm';\n",
      'routes-parse-call-answer',
    ],
    [
      'src/workshops/web/zz-planted.ts',
      "export { listQueue } from '../workshops.store';\n",
      'web-through-contracts',
    ],
    [
      'src/pilots/web/zz-planted.ts',
      "export { pilotsApi } from '../pilots.contract';\n",
      'web-takes-contracts-as-types',
    ],
  ])('%s is refused (%s)', (file, source, rule) => {
    const r = cruise(file, source);
    expect(r.status, r.stdout + r.stderr).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(rule);
  });

  it('the code as it is passes', () => {
    const r = spawnSync(
      process.execPath,
      [depcruise, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 120_000);
});
