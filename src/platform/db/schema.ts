// The one list of every table, for the Drizzle client and drizzle-kit.
export * from '../../organisation/organisation.schema';
export * from '../../people/people.schema';
export * from '../auth/auth.schema';
export * from '../audit/audit.schema';
export * from './settings.schema';
export * from '../../assessment/assessment.schema';
export * from '../../workshops/workshops.schema';
export * from '../messaging/outbox.schema';
export * from '../http/rate-limit.schema';
export * from '../../pilots/pilots.schema';
export * from '../../learning/learning.schema';
