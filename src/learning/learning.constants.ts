// Learning constants, import-free so the web client can use them.

export { LEARNING_METHODS, type LearningMethod } from '../vocabulary';

export const PROVIDER_KINDS = ['jobcentre', 'cbsi', 'school', 'company', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const OFFER_FORMATS = ['on_site', 'online', 'hybrid'] as const;
export type OfferFormat = (typeof OFFER_FORMATS)[number];

export const OFFER_LANGUAGES = ['da', 'en', 'ar', 'so', 'tr', 'uk'] as const;

export const ENROLMENT_STATUSES = [
  'enrolled',
  'waitlisted',
  'completed',
  'cancelled',
  'dropped_out',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const PLAN_ITEM_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const SUGGESTION_KINDS = ['test', 'workshop', 'offer', 'pilot'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** The DigComp 2.2 competence ids (area.competence). */
export const COMPETENCES = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
] as const;
export type Competence = (typeof COMPETENCES)[number];
