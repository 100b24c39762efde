// The organisation area's texts for people (errors, validation messages), Danish and English.
import { defineMessages } from '../platform/i18n/messages';

const da = {
  login_email: 'Skriv din e-mailadresse.',
  login_password: 'Skriv din adgangskode.',
  invalid_credentials: 'Forkert e-mail eller adgangskode.',
  email_taken: 'Der findes allerede en bruger med denne e-mailadresse.',
  site_name_taken: 'Der findes allerede et sted med dette navn.',
  site_invalid: 'Det valgte sted findes ikke.',
  cannot_deactivate_self: 'Du kan ikke deaktivere dig selv.',
  cannot_remove_own_admin: 'Du kan ikke fjerne din egen administratorrolle.',
  mail_host: 'Skriv mailserverens navn, fx smtp.kk.dk.',
  mail_not_configured: 'Gem først en mailserver.',
  mail_password_without_user: 'Et brugernavn hører til en adgangskode.',
} as const;

export const organisationMessages = defineMessages({
  da,
  en: {
    mail_host: 'Type the mail server’s name, e.g. smtp.kk.dk.',
    mail_not_configured: 'Save a mail server first.',
    mail_password_without_user: 'A password needs a user name.',
    login_email: 'Type your e-mail address.',
    login_password: 'Type your password.',
    invalid_credentials: 'Wrong e-mail or password.',
    email_taken: 'A user with this e-mail address already exists.',
    site_name_taken: 'A site with this name already exists.',
    site_invalid: 'The chosen site does not exist.',
    cannot_deactivate_self: 'You cannot deactivate yourself.',
    cannot_remove_own_admin: 'You cannot remove your own administrator role.',
  },
});

declare module '../platform/i18n/messages' {
  interface AreaMessageKeys extends Record<keyof typeof da, true> {}
}
