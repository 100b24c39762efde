// What candidates and companies are sent about matchmaking events. Pure. Danish first with an
// English line, short sentences (citizens who read little Danish get the link to the page,
// which reads aloud and speaks their language).

export function invitationMessage(f: { event: string; day: string; link: string }) {
  return {
    subject: `Invitation: ${f.event}`,
    body:
      `Du er inviteret til ${f.event} den ${f.day}. Her kan du møde virksomheder, der søger folk.\n\n` +
      `Tilmeld dig og vælg de virksomheder, du vil møde: ${f.link}\n\n` +
      `(English: you are invited to meet companies at ${f.event} on ${f.day}. Sign up here: ${f.link})`,
  };
}

export function agendaMessage(f: {
  event: string;
  day: string;
  link: string;
  lines: readonly string[];
}) {
  const plan = f.lines.length ? f.lines.join('\n') : 'Du har ingen møder denne gang.';
  return {
    subject: `Din plan: ${f.event}`,
    body:
      `Her er din plan for ${f.event} den ${f.day}:\n\n${plan}\n\n` +
      `Se planen, videolinks og kalenderfil her: ${f.link}\n\n` +
      `(English: your agenda for ${f.event} on ${f.day} is above and at ${f.link})`,
  };
}

export function companyAgendaMessage(f: {
  company: string;
  event: string;
  day: string;
  link: string;
  meetings: number;
}) {
  return {
    subject: `Mødeplan: ${f.event}`,
    body:
      `Til ${f.company}\n\nMødeplanen for ${f.event} den ${f.day} er klar: ${f.meetings} møder.\n\n` +
      `Se planen, kandidaternes profiler og videolinks, og registrér resultatet efter hvert møde: ${f.link}\n\n` +
      `(English: the schedule for ${f.event} on ${f.day} is ready: ${f.meetings} meetings. ${f.link})`,
  };
}
