// What candidates and companies are sent about matchmaking events and the candidate pool. Pure. A candidate is written
// to in the language they chose for their login (any citizen page language); Danish ones get an
// English line too, for those who never chose. Companies get Danish with an English line.
import type { PageLang } from '../platform/i18n/languages.constants';
import { dayText, fillText } from '../platform/i18n/citizen-texts';

/** {event}, {day}, {link}, {plan}, {company} and {role} are filled in. */
export interface EventTexts {
  /** A company met in the candidate pool asks to get in touch. */
  contactSubject: string;
  contactBody: string;
  invitationSubject: string;
  invitationBody: string;
  agendaSubject: string;
  agendaBody: string;
  noMeetings: string;
}

export const EVENT_TEXTS: Record<PageLang, EventTexts> = {
  da: {
    contactSubject: '{company} vil gerne i kontakt med dig',
    contactBody:
      '{company} søger en {role} og vil gerne tale med dig.\n\nSig ja eller nej her: {link}\n\nVirksomheden får først dit navn, hvis du siger ja.',
    invitationSubject: 'Invitation: {event}',
    invitationBody:
      'Du er inviteret til {event} {day}. Her kan du møde virksomheder, der søger folk.\n\nTilmeld dig og vælg de virksomheder, du vil møde: {link}',
    agendaSubject: 'Din plan: {event}',
    agendaBody:
      'Her er din plan for {event} {day}:\n\n{plan}\n\nSe planen, videolinks og kalenderfil her: {link}',
    noMeetings: 'Du har ingen møder denne gang.',
  },
  en: {
    contactSubject: '{company} would like to get in touch with you',
    contactBody:
      '{company} is looking for a {role} and would like to talk with you.\n\nSay yes or no here: {link}\n\nThe company only gets your name if you say yes.',
    invitationSubject: 'Invitation: {event}',
    invitationBody:
      'You are invited to {event} on {day}. There you can meet companies that are looking for people.\n\nSign up and choose the companies you want to meet: {link}',
    agendaSubject: 'Your agenda: {event}',
    agendaBody:
      'Here is your agenda for {event} on {day}:\n\n{plan}\n\nSee the agenda, video links and calendar file here: {link}',
    noMeetings: 'You have no meetings this time.',
  },
  ar: {
    contactSubject: '{company} تريد التواصل معك',
    contactBody:
      '{company} تبحث عن {role} وتريد التحدث معك.\n\nقل نعم أو لا هنا: {link}\n\nلن تعرف الشركة اسمك إلا إذا قلت نعم.',
    invitationSubject: 'دعوة: {event}',
    invitationBody:
      'أنت مدعو إلى {event} يوم {day}. هناك يمكنك مقابلة شركات تبحث عن موظفين.\n\nسجّل واختر الشركات التي تريد مقابلتها: {link}',
    agendaSubject: 'خطتك: {event}',
    agendaBody:
      'هذه خطتك لـ {event} يوم {day}:\n\n{plan}\n\nانظر إلى الخطة وروابط الفيديو وملف التقويم هنا: {link}',
    noMeetings: 'ليس لديك مقابلات هذه المرة.',
  },
  so: {
    contactSubject: '{company} waxay rabtaa inay kula xiriirto',
    contactBody:
      '{company} waxay raadinaysaa {role} waxayna rabtaa inay kula hadasho.\n\nHaa ama maya ku dheh halkan: {link}\n\nShirkaddu magacaaga ma heli doonto haddii aadan haa dhihin.',
    invitationSubject: 'Casuumaad: {event}',
    invitationBody:
      'Waxaa laguu casuumay {event} {day}. Halkaas waxaad kula kulmi kartaa shirkado raadinaya dad.\n\nIs diiwaangeli oo dooro shirkadaha aad rabto inaad la kulanto: {link}',
    agendaSubject: 'Qorshahaaga: {event}',
    agendaBody:
      'Kani waa qorshahaaga {event} {day}:\n\n{plan}\n\nEeg qorshaha, linkiyada fiidiyowga iyo faylka kalandarka halkan: {link}',
    noMeetings: 'Kulan ma lihid markan.',
  },
  tr: {
    contactSubject: '{company} sizinle iletişime geçmek istiyor',
    contactBody:
      '{company} bir {role} arıyor ve sizinle konuşmak istiyor.\n\nEvet ya da hayır deyin: {link}\n\nŞirket adınızı ancak evet derseniz öğrenir.',
    invitationSubject: 'Davet: {event}',
    invitationBody:
      '{day} günü {event} etkinliğine davetlisiniz. Orada eleman arayan şirketlerle tanışabilirsiniz.\n\nKaydolun ve tanışmak istediğiniz şirketleri seçin: {link}',
    agendaSubject: 'Planınız: {event}',
    agendaBody:
      '{day} günü {event} için planınız:\n\n{plan}\n\nPlanı, video bağlantılarını ve takvim dosyasını burada görün: {link}',
    noMeetings: 'Bu sefer görüşmeniz yok.',
  },
  ur: {
    contactSubject: '{company} آپ سے رابطہ کرنا چاہتی ہے',
    contactBody:
      '{company} کو {role} کی تلاش ہے اور وہ آپ سے بات کرنا چاہتی ہے۔\n\nیہاں ہاں یا نہیں کہیں: {link}\n\nکمپنی کو آپ کا نام صرف تب ملے گا جب آپ ہاں کہیں۔',
    invitationSubject: 'دعوت: {event}',
    invitationBody:
      'آپ کو {day} کو {event} میں بلایا گیا ہے۔ وہاں آپ ان کمپنیوں سے مل سکتے ہیں جنہیں لوگوں کی تلاش ہے۔\n\nاندراج کریں اور وہ کمپنیاں چنیں جن سے آپ ملنا چاہتے ہیں: {link}',
    agendaSubject: 'آپ کا منصوبہ: {event}',
    agendaBody:
      '{day} کو {event} کے لیے آپ کا منصوبہ:\n\n{plan}\n\nمنصوبہ، ویڈیو لنکس اور کیلنڈر فائل یہاں دیکھیں: {link}',
    noMeetings: 'اس بار آپ کی کوئی ملاقات نہیں ہے۔',
  },
  fa: {
    contactSubject: '{company} می‌خواهد با شما تماس بگیرد',
    contactBody:
      '{company} به دنبال {role} است و می‌خواهد با شما صحبت کند.\n\nاینجا بله یا نه بگویید: {link}\n\nشرکت فقط اگر بله بگویید نام شما را می‌بیند.',
    invitationSubject: 'دعوت: {event}',
    invitationBody:
      'شما به {event} در روز {day} دعوت شده‌اید. آنجا می‌توانید با شرکت‌هایی که دنبال نیرو هستند آشنا شوید.\n\nثبت‌نام کنید و شرکت‌هایی را که می‌خواهید ببینید انتخاب کنید: {link}',
    agendaSubject: 'برنامهٔ شما: {event}',
    agendaBody:
      'برنامهٔ شما برای {event} در روز {day}:\n\n{plan}\n\nبرنامه، لینک‌های ویدیو و فایل تقویم را اینجا ببینید: {link}',
    noMeetings: 'این بار ملاقاتی ندارید.',
  },
  pl: {
    contactSubject: '{company} chce się z Tobą skontaktować',
    contactBody:
      '{company} szuka osoby na stanowisko {role} i chce z Tobą porozmawiać.\n\nOdpowiedz tak lub nie tutaj: {link}\n\nFirma pozna Twoje imię i nazwisko tylko wtedy, gdy odpowiesz tak.',
    invitationSubject: 'Zaproszenie: {event}',
    invitationBody:
      'Zapraszamy na {event}, {day}. Możesz tam poznać firmy, które szukają ludzi.\n\nZapisz się i wybierz firmy, które chcesz poznać: {link}',
    agendaSubject: 'Twój plan: {event}',
    agendaBody:
      'Oto Twój plan na {event}, {day}:\n\n{plan}\n\nPlan, linki do wideo i plik kalendarza znajdziesz tutaj: {link}',
    noMeetings: 'Tym razem nie masz spotkań.',
  },
  uk: {
    contactSubject: '{company} хоче зв’язатися з вами',
    contactBody:
      '{company} шукає працівника на посаду «{role}» і хоче поговорити з вами.\n\nДайте відповідь «так» чи «ні» тут: {link}\n\nКомпанія дізнається ваше ім’я, лише якщо ви скажете «так».',
    invitationSubject: 'Запрошення: {event}',
    invitationBody:
      'Вас запрошено на {event}, {day}. Там ви можете зустрітися з компаніями, які шукають працівників.\n\nЗареєструйтеся й оберіть компанії, з якими хочете зустрітися: {link}',
    agendaSubject: 'Ваш план: {event}',
    agendaBody:
      'Ваш план на {event}, {day}:\n\n{plan}\n\nПлан, відеопосилання й файл календаря тут: {link}',
    noMeetings: 'Цього разу у вас немає зустрічей.',
  },
};

/** Danish messages end with a line in English for those who read English instead. */
const ENGLISH_LINE = {
  contact:
    '(English: {company} would like to talk with you about a job as {role}. Answer here: {link})',
  invitation:
    '(English: you are invited to meet companies at {event} on {day}. Sign up here: {link})',
  agenda: '(English: your agenda for {event} on {day} is above and at {link})',
};

/** The body, and for Danish the English line filled with the same facts. */
const withEnglish = (
  lang: PageLang,
  body: string,
  english: string,
  params: Record<string, string>,
) => (lang === 'da' ? `${body}\n\n${fillText(english, params)}` : body);

export function contactRequestMessage(
  f: { company: string; role: string; link: string },
  lang: PageLang,
) {
  const t = EVENT_TEXTS[lang];
  return {
    subject: fillText(t.contactSubject, f),
    body: withEnglish(lang, fillText(t.contactBody, f), ENGLISH_LINE.contact, f),
  };
}

/** `day` is the event's calendar day, YYYY-MM-DD. */
export function invitationMessage(f: { event: string; day: string; link: string }, lang: PageLang) {
  const t = EVENT_TEXTS[lang];
  const p = { event: f.event, day: dayText(f.day, lang), link: f.link };
  const body = fillText(t.invitationBody, p);
  return {
    subject: fillText(t.invitationSubject, p),
    body: withEnglish(lang, body, ENGLISH_LINE.invitation, { ...p, day: dayText(f.day, 'en') }),
  };
}

export function agendaMessage(
  f: { event: string; day: string; link: string; lines: readonly string[] },
  lang: PageLang,
) {
  const t = EVENT_TEXTS[lang];
  const p = {
    event: f.event,
    day: dayText(f.day, lang),
    link: f.link,
    plan: f.lines.length ? f.lines.join('\n') : t.noMeetings,
  };
  const body = fillText(t.agendaBody, p);
  return {
    subject: fillText(t.agendaSubject, p),
    body: withEnglish(lang, body, ENGLISH_LINE.agenda, { ...p, day: dayText(f.day, 'en') }),
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
