// The one door into matching: the consented candidate pool with explained matches and contact
// requests, and matchmaking events with their scheduler, on the companies area (Track 2,
// recommendation 6).
import type { AreaModule } from '../platform/module';
import { registerMatchingCommands } from './matching.cli';
import { eventsApi } from './events.contract';
import { eventRoutes } from './events.routes';
import { poolApi } from './pool.contract';
import { poolRoutes } from './pool.routes';
import { matchingMessages } from './matching.messages';
import { eventRules, MATCHING_PURPOSES, takingPartRules } from './matching.policy';
import * as tables from './matching.schema';

export const matchingModule = {
  name: 'matching',
  contracts: [eventsApi, poolApi],
  policies: [eventRules, takingPartRules],
  capabilities: {
    matchmaking: eventsApi.createEvent,
    myMatchmaking: eventsApi.myEvents,
    companyMatchmaking: eventsApi.companyEvents,
    matchmakingStats: eventsApi.stats,
    candidatePool: poolApi.myProfile,
    smeAcademics: poolApi.smeAcademics,
  },
  messages: matchingMessages,
  purposes: MATCHING_PURPOSES,
  tables,
  routes: [eventRoutes, poolRoutes],
  cli: registerMatchingCommands,
} satisfies AreaModule;

export { seedMatching } from './demo-matching';
export { heldMeetings } from './events.store';
export { acceptedContacts } from './pool.store';
export { listEvents as matchmakingEventsOf } from './events.store';
