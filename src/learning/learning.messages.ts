// The learning area's texts for people (errors, validation messages), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  already_enrolled: 'Borgeren er allerede tilmeldt eller på venteliste til tilbuddet.',
  enrolment_ended: 'Pladsen er allerede afsluttet.',
  offer_retired: 'Tilbuddet er lukket for nye tilmeldinger.',
  occupation_unknown: 'Stillingen findes ikke i ESCO. Vælg en fra listen.',
  session_not_of_offer: 'Mødegangen hører ikke til tilbuddet.',
  nothing_to_claim: 'Der er ikke et testresultat på det niveau at få et badge for.',
  badge_revoked: 'Badget er allerede trukket tilbage.',
  plan_item_not_offer: 'Forslaget er ikke et tilbud, man kan tilmelde sig.',
} as const;

export const learningMessages = defineMessages({
  da,
  en: {
    already_enrolled: 'The citizen is already enrolled or on the waiting list for the offer.',
    enrolment_ended: 'The place has already ended.',
    offer_retired: 'The offer takes no new enrolments.',
    occupation_unknown: 'The occupation is not in ESCO. Pick one from the list.',
    session_not_of_offer: 'The session does not belong to the offer.',
    nothing_to_claim: 'There is no test result at that level to earn a badge for.',
    badge_revoked: 'The badge has already been revoked.',
    plan_item_not_offer: 'The suggestion is not an offer one can enrol in.',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
