// The one door into companies: the company register, the roles companies need, the demand
// survey, job-ad analysis and the demand picture (Track 2, recommendations 1, 4 and 6).
import type { AreaModule } from '../platform/module';
import { registerDemandCommands } from './demand.cli';

export const companiesModule = {
  name: 'companies',
  cli: registerDemandCommands,
} satisfies AreaModule;
