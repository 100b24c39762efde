// The one door other areas import through.
import type { AreaModule } from '../platform/module';
import { appointmentsApi } from './appointments.contract';
import { workshopsMessages } from './workshops.messages';
import { WORKSHOPS_PURPOSES, ticketRules } from './workshops.policy';
import { workshopRoutes } from './workshops.routes';
import { eraseAfterRetention } from './housekeeping';
import * as tables from './workshops.schema';
import { queueApi } from './queue.contract';
import { workshopsApi } from './workshops.contract';

export const workshopsModule = {
  name: 'workshops',
  contracts: [workshopsApi, queueApi, appointmentsApi],
  policies: [ticketRules],
  capabilities: {
    workshopQueue: queueApi.workshopQueue,
    workshopStats: workshopsApi.workshopStats,
    workshopAdmin: workshopsApi.workshopSettings,
    doorPoster: workshopsApi.doorPoster,
  },
  messages: workshopsMessages,
  purposes: WORKSHOPS_PURPOSES,
  tables,
  routes: [workshopRoutes],
  // The workshop's door QR code, its kiosk tablet, booking, and the screen in the room.
  pages: [
    { path: '/vaerksted/:id/tjek-ind', file: 'workshop.html' },
    { path: '/vaerksted/:id/skaerm', file: 'workshop.html' },
    { path: '/vaerksted/:id/book', file: 'workshop.html' },
    { path: '/vaerksted/aftale', file: 'workshop.html' },
  ],
  jobs: [
    {
      name: 'workshop contact details',
      everyMs: 3600_000,
      run: eraseAfterRetention,
    },
  ],
} satisfies AreaModule;

export { VISIT_TOPICS, type VisitTopic } from './workshops.model';
export { seedWorkshops } from './demo-workshops';
export { addDays, calendarIcs, danishTimeToUtc, type CalendarEvent } from './appointments.model';
export { helpedCitizen } from './helped-citizen';
export { helpPlaces, type HelpPlace } from './help-places';
export { ticketRules } from './workshops.policy';
export { courseSuggestionsFor, firstVisits, shiftMinutes, visitCounts } from './workshops.store';
