// The composition root's one list: every business area, lowest layer first. A new area is a
// folder with an index.ts exporting its module, and one line here (plus its migration).
import type { AreaModule } from '../platform/module';
import { organisationModule } from '../organisation';
import { peopleModule } from '../people';
import { assessmentModule } from '../assessment';
import { workshopsModule } from '../workshops';
import { evaluationModule } from '../evaluation';
import { pilotsModule } from '../pilots';
import { learningModule } from '../learning';
import { demoModule } from '../demo';

export const MODULES: readonly AreaModule[] = [
  organisationModule,
  peopleModule,
  assessmentModule,
  workshopsModule,
  evaluationModule,
  pilotsModule,
  learningModule,
  demoModule,
];
