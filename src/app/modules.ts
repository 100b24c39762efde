// The composition root's one list: every business area, lowest layer first. A new area is a
// folder with an index.ts exporting its module, and one line here (plus its migration). The
// order is the layer order the boundary check enforces (.dependency-cruiser.cjs reads it), and
// the web client's endpoint types are built from the modules' contracts (src/web/endpoints.ts).
import type { AreaModule } from '../platform/module';
import { organisationModule } from '../organisation';
import { peopleModule } from '../people';
import { signinModule } from '../signin';
import { workshopsModule } from '../workshops';
import { assessmentModule } from '../assessment';
import { evaluationModule } from '../evaluation';
import { pilotsModule } from '../pilots';
import { learningModule } from '../learning';
import { companiesModule } from '../companies';
import { matchingModule } from '../matching';
import { taskforceModule } from '../taskforce';
import { demoModule } from '../demo';

const AREAS = [
  organisationModule,
  peopleModule,
  signinModule,
  workshopsModule,
  assessmentModule,
  evaluationModule,
  pilotsModule,
  learningModule,
  companiesModule,
  matchingModule,
  taskforceModule,
  demoModule,
] as const;

export const MODULES: readonly AreaModule[] = AREAS;

/** Every endpoint contract the areas declare, as a union of contract objects. */
export type AreaContract = (typeof AREAS)[number] extends infer M
  ? M extends { contracts: readonly (infer C)[] }
    ? C
    : never
  : never;
