// The one door into pilot projects.
import type { AreaModule } from '../platform/module';
import { pilotsMessages } from './pilots.messages';
import { PILOTS_PURPOSES, pilotRules, referralRules } from './pilots.policy';
import { pilotRoutes } from './pilots.routes';
import { registerPilotCommands } from './pilots.cli';
import * as tables from './pilots.schema';
import { pilotsApi } from './pilots.contract';

export const pilotsModule = {
  name: 'pilots',
  contracts: [pilotsApi],
  policies: [pilotRules, referralRules],
  capabilities: {
    pilots: pilotsApi.listPilots,
    'pilots.manage': pilotsApi.createPilot,
    'pilots.portfolio': pilotsApi.pilotPortfolio,
  },
  messages: pilotsMessages,
  purposes: PILOTS_PURPOSES,
  tables,
  routes: [pilotRoutes],
  cli: registerPilotCommands,
} satisfies AreaModule;

export { importRegister, type ImportReport } from './register-import';
export {
  openPilots,
  openPilotsFor,
  passedParticipants,
  pilotsPassedBy,
  pilotsPassedByCitizen,
  pilotsWithPassed,
} from './open-pilots';
export { firstJobs, participations, firstWorkWeeks, pilotSummaries } from './pilots.store';
export { pilotOutcomes, type PilotOutcome } from './pilots.use-cases';
export { reportHire, withdrawHire, type HireReport } from './reported-hires';
export { EARLY_STOP_PILOT_NAME, NO_EFFECT_PILOT_NAME, seedVerdictPilots } from './demo-verdicts';
export { AZURE_GOALS, AZURE_PILOT_NAME, seedPilots } from './demo-pilots';
