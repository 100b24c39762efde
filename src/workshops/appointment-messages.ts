// What the citizen is sent about an appointment, in the language they booked in (any of the
// citizen pages' languages), and the calendar file's texts. Pure.
import type { PageLang } from '../platform/i18n/languages.constants';
import { dayText, fillText as fill } from '../platform/i18n/citizen-texts';

export interface AppointmentFacts {
  siteName: string;
  address: string;
  day: string;
  start: string;
  /** The manage link; only in the confirmation. */
  link?: string;
}

interface Texts {
  /** "Monday 7 December at 10:00": {day} and {time}. */
  when: string;
  confirmSubject: string;
  /** {site}, {address}, {when}, {link}. */
  confirmBody: string;
  reminderSubject: string;
  reminderBody: string;
  cancelSubject: string;
  cancelBody: string;
  /** The calendar entry: {site}. */
  calendarSummary: string;
  calendarDescription: string;
}

const TEXTS: Record<PageLang, Texts> = {
  da: {
    when: '{day} kl. {time}',
    confirmSubject: 'Din tid i det digitale værksted',
    confirmBody:
      'Du har en tid i det digitale værksted {site}, {address}, {when}. Tag din telefon eller tablet med. Ændr eller aflys: {link}',
    reminderSubject: 'Påmindelse: digitalt værksted i morgen',
    reminderBody:
      'Påmindelse: Du har en tid i det digitale værksted {site}, {address}, {when}. Kan du ikke komme, så aflys med linket i din bekræftelse.',
    cancelSubject: 'Tid aflyst',
    cancelBody:
      'Din tid i det digitale værksted {site} {when} er aflyst. Du er velkommen til at komme forbi eller booke en ny tid.',
    calendarSummary: 'Digitalt værksted: {site}',
    calendarDescription:
      'Tag din telefon eller tablet med. Vil du ændre eller aflyse, så brug linket i din bekræftelse.',
  },
  en: {
    when: '{day} at {time}',
    confirmSubject: 'Your appointment in the digital workshop',
    confirmBody:
      'You have an appointment in the digital workshop {site}, {address}, {when}. Bring your phone or tablet. Change or cancel: {link}',
    reminderSubject: 'Reminder: digital workshop tomorrow',
    reminderBody:
      'Reminder: you have an appointment in the digital workshop {site}, {address}, {when}. If you cannot come, please cancel with the link in your confirmation.',
    cancelSubject: 'Appointment cancelled',
    cancelBody:
      'Your appointment in the digital workshop {site} {when} is cancelled. You are welcome to drop in or book a new time.',
    calendarSummary: 'Digital workshop: {site}',
    calendarDescription:
      'Bring your phone or tablet. To change or cancel, use the link in your confirmation.',
  },
  ar: {
    when: '{day} الساعة {time}',
    confirmSubject: 'موعدك في الورشة الرقمية',
    confirmBody:
      'لديك موعد في الورشة الرقمية {site}، {address}، {when}. أحضر هاتفك أو جهازك اللوحي. للتغيير أو الإلغاء: {link}',
    reminderSubject: 'تذكير: الورشة الرقمية غدًا',
    reminderBody:
      'تذكير: لديك موعد في الورشة الرقمية {site}، {address}، {when}. إذا لم تستطع الحضور، ألغِ الموعد بالرابط في رسالة التأكيد.',
    cancelSubject: 'تم إلغاء الموعد',
    cancelBody:
      'تم إلغاء موعدك في الورشة الرقمية {site} {when}. مرحبًا بك في أي وقت، أو احجز موعدًا جديدًا.',
    calendarSummary: 'الورشة الرقمية: {site}',
    calendarDescription:
      'أحضر هاتفك أو جهازك اللوحي. للتغيير أو الإلغاء استخدم الرابط في رسالة التأكيد.',
  },
  so: {
    when: '{day} saacadda {time}',
    confirmSubject: 'Ballantaada aqoon-is-weydaarsiga dhijitaalka',
    confirmBody:
      'Waxaad ballan ku leedahay aqoon-is-weydaarsiga dhijitaalka {site}, {address}, {when}. Keen telefoonkaaga ama tablet-kaaga. Beddel ama jooji: {link}',
    reminderSubject: 'Xusuusin: aqoon-is-weydaarsiga dhijitaalka berri',
    reminderBody:
      'Xusuusin: Waxaad ballan ku leedahay aqoon-is-weydaarsiga dhijitaalka {site}, {address}, {when}. Haddii aadan iman karin, ku jooji linkiga ku jira xaqiijintaada.',
    cancelSubject: 'Ballanta waa la joojiyay',
    cancelBody:
      'Ballantaada aqoon-is-weydaarsiga dhijitaalka {site} {when} waa la joojiyay. Waad soo dhowaan kartaa ama ballan cusub qabso.',
    calendarSummary: 'Aqoon-is-weydaarsiga dhijitaalka: {site}',
    calendarDescription:
      'Keen telefoonkaaga ama tablet-kaaga. Si aad u beddesho ama u joojiso, isticmaal linkiga ku jira xaqiijintaada.',
  },
  tr: {
    when: '{day} saat {time}',
    confirmSubject: 'Dijital atölyedeki randevunuz',
    confirmBody:
      'Dijital atölye {site}, {address} için randevunuz var: {when}. Telefonunuzu veya tabletinizi getirin. Değiştirmek veya iptal etmek için: {link}',
    reminderSubject: 'Hatırlatma: yarın dijital atölye',
    reminderBody:
      'Hatırlatma: Dijital atölye {site}, {address} için randevunuz var: {when}. Gelemeyecekseniz onay mesajınızdaki bağlantıyla iptal edin.',
    cancelSubject: 'Randevu iptal edildi',
    cancelBody:
      'Dijital atölye {site} için {when} randevunuz iptal edildi. Randevusuz gelebilir veya yeni bir randevu alabilirsiniz.',
    calendarSummary: 'Dijital atölye: {site}',
    calendarDescription:
      'Telefonunuzu veya tabletinizi getirin. Değiştirmek veya iptal etmek için onay mesajınızdaki bağlantıyı kullanın.',
  },
  ur: {
    when: '{day} کو {time} بجے',
    confirmSubject: 'ڈیجیٹل ورکشاپ میں آپ کا وقت',
    confirmBody:
      'ڈیجیٹل ورکشاپ {site}، {address} میں آپ کا وقت ہے: {when}۔ اپنا فون یا ٹیبلٹ ساتھ لائیں۔ بدلنے یا منسوخ کرنے کے لیے: {link}',
    reminderSubject: 'یاد دہانی: کل ڈیجیٹل ورکشاپ',
    reminderBody:
      'یاد دہانی: ڈیجیٹل ورکشاپ {site}، {address} میں آپ کا وقت ہے: {when}۔ اگر آپ نہیں آ سکتے تو اپنی تصدیق والے لنک سے منسوخ کریں۔',
    cancelSubject: 'وقت منسوخ ہو گیا',
    cancelBody:
      'ڈیجیٹل ورکشاپ {site} میں {when} کا آپ کا وقت منسوخ ہو گیا ہے۔ آپ بغیر وقت کے بھی آ سکتے ہیں یا نیا وقت بک کر سکتے ہیں۔',
    calendarSummary: 'ڈیجیٹل ورکشاپ: {site}',
    calendarDescription:
      'اپنا فون یا ٹیبلٹ ساتھ لائیں۔ بدلنے یا منسوخ کرنے کے لیے اپنی تصدیق والا لنک استعمال کریں۔',
  },
  fa: {
    when: '{day} ساعت {time}',
    confirmSubject: 'وقت شما در کارگاه دیجیتال',
    confirmBody:
      'شما در کارگاه دیجیتال {site}، {address} وقت دارید: {when}. تلفن یا تبلت خود را بیاورید. برای تغییر یا لغو: {link}',
    reminderSubject: 'یادآوری: کارگاه دیجیتال فردا',
    reminderBody:
      'یادآوری: شما در کارگاه دیجیتال {site}، {address} وقت دارید: {when}. اگر نمی‌توانید بیایید، با لینک پیام تأیید لغو کنید.',
    cancelSubject: 'وقت لغو شد',
    cancelBody:
      'وقت شما در کارگاه دیجیتال {site} در {when} لغو شد. می‌توانید بدون وقت بیایید یا وقت تازه‌ای بگیرید.',
    calendarSummary: 'کارگاه دیجیتال: {site}',
    calendarDescription:
      'تلفن یا تبلت خود را بیاورید. برای تغییر یا لغو از لینک پیام تأیید استفاده کنید.',
  },
  pl: {
    when: '{day} o {time}',
    confirmSubject: 'Twoja wizyta w warsztacie cyfrowym',
    confirmBody:
      'Masz wizytę w warsztacie cyfrowym {site}, {address}, {when}. Weź ze sobą telefon lub tablet. Zmień lub odwołaj: {link}',
    reminderSubject: 'Przypomnienie: jutro warsztat cyfrowy',
    reminderBody:
      'Przypomnienie: masz wizytę w warsztacie cyfrowym {site}, {address}, {when}. Jeśli nie możesz przyjść, odwołaj ją linkiem z potwierdzenia.',
    cancelSubject: 'Wizyta odwołana',
    cancelBody:
      'Twoja wizyta w warsztacie cyfrowym {site} {when} została odwołana. Możesz przyjść bez zapisu albo zarezerwować nowy termin.',
    calendarSummary: 'Warsztat cyfrowy: {site}',
    calendarDescription:
      'Weź ze sobą telefon lub tablet. Aby zmienić lub odwołać, użyj linku z potwierdzenia.',
  },
  uk: {
    when: '{day} о {time}',
    confirmSubject: 'Ваш запис у цифровій майстерні',
    confirmBody:
      'У вас запис у цифровій майстерні {site}, {address}, {when}. Візьміть із собою телефон або планшет. Змінити або скасувати: {link}',
    reminderSubject: 'Нагадування: завтра цифрова майстерня',
    reminderBody:
      'Нагадування: у вас запис у цифровій майстерні {site}, {address}, {when}. Якщо не можете прийти, скасуйте за посиланням у підтвердженні.',
    cancelSubject: 'Запис скасовано',
    cancelBody:
      'Ваш запис у цифровій майстерні {site} {when} скасовано. Приходьте без запису або запишіться на новий час.',
    calendarSummary: 'Цифрова майстерня: {site}',
    calendarDescription:
      'Візьміть із собою телефон або планшет. Щоб змінити або скасувати, скористайтеся посиланням у підтвердженні.',
  },
};

function params(f: AppointmentFacts, lang: PageLang) {
  return {
    site: f.siteName,
    address: f.address,
    when: fill(TEXTS[lang].when, { day: dayText(f.day, lang), time: f.start }),
    link: f.link ?? '',
  };
}

export function confirmation(f: AppointmentFacts, lang: PageLang) {
  const t = TEXTS[lang];
  return { subject: t.confirmSubject, body: fill(t.confirmBody, params(f, lang)) };
}

export function reminder(f: AppointmentFacts, lang: PageLang) {
  const t = TEXTS[lang];
  return { subject: t.reminderSubject, body: fill(t.reminderBody, params(f, lang)) };
}

export function cancellation(f: AppointmentFacts, lang: PageLang) {
  const t = TEXTS[lang];
  return { subject: t.cancelSubject, body: fill(t.cancelBody, params(f, lang)) };
}

/** The calendar entry's title and description in the booking's language. */
export function calendarTexts(siteName: string, lang: PageLang) {
  const t = TEXTS[lang];
  return {
    summary: fill(t.calendarSummary, { site: siteName }),
    description: t.calendarDescription,
  };
}
