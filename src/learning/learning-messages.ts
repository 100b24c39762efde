// What the citizen is sent about a course place. Pure.
import type { Lang } from '../platform/i18n/messages';

export interface PlaceFacts {
  offerName: string;
  /** The first session still to come, if any. */
  start: Date | null;
  place: string;
}

const when = (d: Date, lang: Lang) =>
  d.toLocaleString(lang === 'en' ? 'en-GB' : 'da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Copenhagen',
  });

export function placeGiven(f: PlaceFacts, lang: Lang, promoted: boolean) {
  const start = f.start ? when(f.start, lang) : null;
  if (lang === 'en')
    return {
      subject: promoted ? `You got a place: ${f.offerName}` : `You are enrolled: ${f.offerName}`,
      body: `${promoted ? 'A place came free and it is yours' : 'You have a place'} on "${f.offerName}".${start ? ` It starts ${start}, ${f.place}.` : ''} See your plan on Digiløft; if you cannot take part, cancel there so the next in line gets the place.`,
    };
  return {
    subject: promoted ? `Du har fået en plads: ${f.offerName}` : `Du er tilmeldt: ${f.offerName}`,
    body: `${promoted ? 'Der er blevet en plads ledig, og den er din' : 'Du har en plads'} på "${f.offerName}".${start ? ` Det starter ${start}, ${f.place}.` : ''} Se din plan på Digiløft; kan du ikke deltage, så meld fra dér, så den næste i køen får pladsen.`,
  };
}

export function waitlisted(f: PlaceFacts, placeInLine: number, lang: Lang) {
  return lang === 'en'
    ? {
        subject: `On the waiting list: ${f.offerName}`,
        body: `"${f.offerName}" is full. You are number ${placeInLine} on the waiting list and will get a message when a place is yours.`,
      }
    : {
        subject: `På venteliste: ${f.offerName}`,
        body: `"${f.offerName}" er fuldt. Du er nummer ${placeInLine} på ventelisten og får besked, når der er en plads til dig.`,
      };
}

export function reminder(f: PlaceFacts & { start: Date }, lang: Lang) {
  return lang === 'en'
    ? {
        subject: `Reminder: ${f.offerName} tomorrow`,
        body: `Reminder: "${f.offerName}" starts ${when(f.start, lang)}, ${f.place}. If you cannot come, cancel in your plan on Digiløft.`,
      }
    : {
        subject: `Påmindelse: ${f.offerName} i morgen`,
        body: `Påmindelse: "${f.offerName}" starter ${when(f.start, lang)}, ${f.place}. Kan du ikke komme, så meld fra i din plan på Digiløft.`,
      };
}
