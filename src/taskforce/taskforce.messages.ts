// The taskforce area's texts for people (errors), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  period_reversed: 'Periodens slutdato ligger før dens startdato.',
  nothing_to_change: 'Angiv mindst én ting at ændre.',
  scope_unknown: 'Stedet eller centret findes ikke i kommunen.',
  centre_unknown: 'Centret findes ikke i kommunen.',
  centre_site_unknown: 'Et af de valgte steder findes ikke i kommunen.',
  centre_site_taken: 'Stedet "{site}" hører allerede til centret "{centre}".',
  centre_name_taken: 'Der findes allerede et center med det navn.',
  action_link_unknown: 'Den valgte {kind} findes ikke i kommunen.',
  spending_pilot: 'Vælg pilotprojektet, når udgiften hører til et pilotprojekt (og kun da).',
  pilot_unknown: 'Pilotprojektet findes ikke i kommunen.',
  target_twice: 'Samme indikator er angivet to gange.',
  target_share: 'Et mål for en andel skal ligge mellem 0 og 100 %.',
  target_count: 'Et mål for et antal skal være et helt tal.',
  target_minutes: 'Et mål for ventetid kan højst være 600 minutter.',
} as const;

export const taskforceMessages = defineMessages({
  da,
  en: {
    period_reversed: 'The period ends before it starts.',
    nothing_to_change: 'Give at least one thing to change.',
    scope_unknown: 'The site or centre does not exist in the municipality.',
    centre_unknown: 'The centre does not exist in the municipality.',
    centre_site_unknown: 'One of the sites chosen does not exist in the municipality.',
    centre_site_taken: 'The site "{site}" already belongs to the centre "{centre}".',
    centre_name_taken: 'A centre with that name already exists.',
    action_link_unknown: 'The {kind} chosen does not exist in the municipality.',
    spending_pilot: 'Choose the pilot project when the cost belongs to one (and only then).',
    pilot_unknown: 'The pilot project does not exist in the municipality.',
    target_twice: 'The same indicator is given twice.',
    target_share: 'A target for a share must be between 0 and 100 %.',
    target_count: 'A target for a count must be a whole number.',
    target_minutes: 'A target for a wait can be at most 600 minutes.',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
