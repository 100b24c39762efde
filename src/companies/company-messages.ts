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
