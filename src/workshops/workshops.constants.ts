// The workshops' word lists, with no imports, so the light citizen pages can use them.
/** What citizens come for (the taxonomy). */
export const VISIT_TOPICS = [
  'mitid',
  'digital_post',
  'borger_dk',
  'netbank',
  'jobnet_cv',
  'job_application_upload',
  'email',
  'device_basics',
  'apps',
  'security',
  'other',
] as const;
export type VisitTopic = (typeof VISIT_TOPICS)[number];

export const DEVICES = ['own', 'loan'] as const;
export const CHECK_IN_CHANNELS = ['qr', 'kiosk', 'walk_in', 'appointment'] as const;
export type CheckInChannel = (typeof CHECK_IN_CHANNELS)[number];

export const TICKET_STATUSES = ['waiting', 'called', 'done', 'no_show', 'left'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
