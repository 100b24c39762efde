// The signin area's texts (errors, validation messages), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  municipality_code: 'Kommunekoden skal være 3 til 12 tegn, fx 0101.',
  next_path: 'Adressen at vende tilbage til skal være en side på Digiløft.',
  login_domain: 'Skriv et domæne, fx kk.dk.',
  login_url: 'Skriv en hel adresse, der begynder med https://.',
  login_not_offered: 'Kommunen tilbyder ikke dette login.',
  mitid_metadata_unreachable: 'NemLog-ins metadata kunne ikke hentes: {reason}',
  mitid_metadata_invalid: 'Metadata er ikke gyldige SAML-metadata for en identitetsudbyder.',
  mitid_metadata_missing: 'Angiv adressen på NemLog-ins metadata, eller indsæt metadatafilen.',
  mitid_no_certificates:
    'Installationen har ingen certifikater til NemLog-in. Bed driften sætte SAML_SIGNING_KEY_FILE og de tre andre.',
  oidc_incomplete: 'Single sign-on kræver udsteder, klient-id og klienthemmelighed.',
  password_off_without_sso:
    'Adgangskode-login kan kun slås fra, når kommunens eget login (single sign-on) er slået til.',
  oidc_group_twice: 'Gruppen {group} står der to gange.',
  oidc_group_citizen: 'En gruppe kan ikke give rollen borger.',
  saml_message_missing: 'Der kom ingen SAML-besked.',
  saml_message_invalid: 'SAML-beskeden var ikke underskrevet af NemLog-in.',
} as const;

export const signinMessages = defineMessages({
  da,
  en: {
    municipality_code: 'The municipality code must be 3 to 12 characters, e.g. 0101.',
    next_path: 'The address to return to must be a page on Digiløft.',
    login_domain: 'Enter a domain, e.g. kk.dk.',
    login_url: 'Enter a full address starting with https://.',
    login_not_offered: 'The municipality does not offer this login.',
    mitid_metadata_unreachable: 'NemLog-in’s metadata could not be fetched: {reason}',
    mitid_metadata_invalid: 'This is not valid SAML metadata for an identity provider.',
    mitid_metadata_missing: 'Give the address of NemLog-in’s metadata, or paste the metadata file.',
    mitid_no_certificates:
      'The installation has no certificates for NemLog-in. Ask operations to set SAML_SIGNING_KEY_FILE and the other three.',
    oidc_incomplete: 'Single sign-on needs an issuer, a client id and a client secret.',
    password_off_without_sso:
      'Password login can only be switched off while the municipality’s own login (single sign-on) is on.',
    oidc_group_twice: 'The group {group} is listed twice.',
    oidc_group_citizen: 'A group cannot grant the citizen role.',
    saml_message_missing: 'No SAML message came.',
    saml_message_invalid: 'The SAML message was not signed by NemLog-in.',
  } satisfies Record<keyof typeof da, string>,
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
