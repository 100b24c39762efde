// The one door into matching: matchmaking events with their scheduler (and, to come, the
// consented candidate pool and explained matches), on the companies area (Track 2,
// recommendation 6).
import type { AreaModule } from '../platform/module';
import { registerMatchingCommands } from './matching.cli';
import { eventsApi } from './events.contract';
import { eventRoutes } from './events.routes';
import { matchingMessages } from './matching.messages';
import { eventRules, MATCHING_PURPOSES, takingPartRules } from './matching.policy';
import * as tables from './matching.schema';

export const matchingModule = {
  name: 'matching',
  contracts: [eventsApi],
  policies: [eventRules, takingPartRules],
  capabilities: {
    matchmaking: eventsApi.createEvent,
    myMatchmaking: eventsApi.myEvents,
    companyMatchmaking: eventsApi.companyEvents,
    matchmakingStats: eventsApi.stats,
  },
  messages: matchingMessages,
  purposes: MATCHING_PURPOSES,
  tables,
  routes: [eventRoutes],
  cli: registerMatchingCommands,
} satisfies AreaModule;

export { seedMatching } from './demo-matching';
