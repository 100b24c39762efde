// What a person invited to act for a company is sent. Pure. Danish (the invitee has no login
// yet, so no language of their own); the page the link opens offers English.
export function invitationMail(f: {
  companyName: string;
  name: string;
  link: string;
  days: number;
}) {
  return {
    subject: `Invitation til Digiløft for ${f.companyName}`,
    body:
      `Kære ${f.name}\n\nJobcentrets virksomhedsservice har inviteret dig til at repræsentere ${f.companyName} på Digiløft, ` +
      `hvor I kan beskrive de roller og digitale kompetencer, I har brug for.\n\n` +
      `Åbn linket og vælg en adgangskode: ${f.link}\n\nLinket kan bruges én gang og virker i ${f.days} dage.\n\n` +
      `(English: open the link to choose a password and act for ${f.companyName}. It works once, for ${f.days} days.)`,
  };
}

/** A survey link for a company (Danish: the company has no language of its own here). */
export function surveyMail(f: {
  companyName: string;
  title: string;
  link: string;
  closesOn: string;
  reminder: boolean;
}) {
  return {
    subject: `${f.reminder ? 'Påmindelse: ' : ''}${f.title}`,
    body:
      `Til ${f.companyName}\n\n` +
      (f.reminder
        ? 'Vi mangler stadig jeres svar. Linket herunder afløser det, vi sendte sidst.\n\n'
        : 'Jobcentret vil gerne vide, hvilke digitale kompetencer jeres job kræver nu og om to år, ' +
          'hvilke I ikke kan rekruttere, og hvilke I ville oplære i egne rækker. Det tager fem minutter.\n\n') +
      `Svar her (uden login): ${f.link}\n\nLinket kan bruges én gang. Vi tager imod svar til og med ${f.closesOn}.\n\n` +
      `(English: the jobcentre asks which digital competences your jobs need. Answer without logging in: ${f.link})`,
  };
}
