// What the citizen is sent about a course place, in the language they chose for their login (any
// of the citizen pages' languages; Danish if none). Pure.
import type { PageLang } from '../platform/i18n/languages.constants';
import { fillText, momentText } from '../platform/i18n/citizen-texts';

export interface PlaceFacts {
  offerName: string;
  /** The first session still to come, if any. */
  start: Date | null;
  place: string;
}

/** The texts of one language: {course}, {when}, {place} and {n} are filled in. */
export interface PlaceTexts {
  enrolledSubject: string;
  promotedSubject: string;
  enrolled: string;
  promoted: string;
  /** Added when the course has a session still to come. */
  starts: string;
  manage: string;
  waitSubject: string;
  waitBody: string;
  reminderSubject: string;
  reminderBody: string;
}

export const PLACE_TEXTS: Record<PageLang, PlaceTexts> = {
  da: {
    enrolledSubject: 'Du er tilmeldt: {course}',
    promotedSubject: 'Du har fået en plads: {course}',
    enrolled: 'Du har en plads på "{course}".',
    promoted: 'Der er blevet en plads ledig, og den er din på "{course}".',
    starts: 'Det starter {when}, {place}.',
    manage:
      'Se din plan på Digiløft; kan du ikke deltage, så meld fra dér, så den næste i køen får pladsen.',
    waitSubject: 'På venteliste: {course}',
    waitBody:
      '"{course}" er fuldt. Du er nummer {n} på ventelisten og får besked, når der er en plads til dig.',
    reminderSubject: 'Påmindelse: {course} i morgen',
    reminderBody:
      'Påmindelse: "{course}" starter {when}, {place}. Kan du ikke komme, så meld fra i din plan på Digiløft.',
  },
  en: {
    enrolledSubject: 'You are enrolled: {course}',
    promotedSubject: 'You got a place: {course}',
    enrolled: 'You have a place on "{course}".',
    promoted: 'A place came free and it is yours on "{course}".',
    starts: 'It starts {when}, {place}.',
    manage:
      'See your plan on Digiløft; if you cannot take part, cancel there so the next in line gets the place.',
    waitSubject: 'On the waiting list: {course}',
    waitBody:
      '"{course}" is full. You are number {n} on the waiting list and will get a message when a place is yours.',
    reminderSubject: 'Reminder: {course} tomorrow',
    reminderBody:
      'Reminder: "{course}" starts {when}, {place}. If you cannot come, cancel in your plan on Digiløft.',
  },
  ar: {
    enrolledSubject: 'تم تسجيلك: {course}',
    promotedSubject: 'حصلت على مكان: {course}',
    enrolled: 'لديك مكان في «{course}».',
    promoted: 'أصبح هناك مكان شاغر في «{course}»، وهو لك.',
    starts: 'يبدأ {when}، {place}.',
    manage:
      'انظر إلى خطتك في Digiløft. إذا لم تستطع المشاركة، ألغِ التسجيل هناك، ليحصل التالي في قائمة الانتظار على المكان.',
    waitSubject: 'على قائمة الانتظار: {course}',
    waitBody: '«{course}» ممتلئ. رقمك {n} على قائمة الانتظار، وستصلك رسالة عندما يصبح لك مكان.',
    reminderSubject: 'تذكير: {course} غدًا',
    reminderBody:
      'تذكير: «{course}» يبدأ {when}، {place}. إذا لم تستطع الحضور، ألغِ التسجيل في خطتك في Digiløft.',
  },
  so: {
    enrolledSubject: 'Waa lagu diiwaangeliyay: {course}',
    promotedSubject: 'Waxaad heshay boos: {course}',
    enrolled: 'Boos ayaad ku leedahay "{course}".',
    promoted: 'Boos ayaa ka bannaanaaday "{course}", waana kaaga.',
    starts: 'Wuxuu bilaabanayaa {when}, {place}.',
    manage:
      'Ka eeg qorshahaaga Digiløft. Haddii aadan ka qayb geli karin, halkaas iska jooji, si qofka xiga ee safka uu booska u helo.',
    waitSubject: 'Liiska sugitaanka: {course}',
    waitBody:
      '"{course}" waa buuxaa. Waxaad tahay lambarka {n} ee liiska sugitaanka. Fariin ayaad heli doontaa marka boos kuu bannaan yahay.',
    reminderSubject: 'Xusuusin: {course} berri',
    reminderBody:
      'Xusuusin: "{course}" wuxuu bilaabanayaa {when}, {place}. Haddii aadan iman karin, iska jooji qorshahaaga Digiløft.',
  },
  tr: {
    enrolledSubject: 'Kaydınız yapıldı: {course}',
    promotedSubject: 'Bir yer aldınız: {course}',
    enrolled: '"{course}" kursunda bir yeriniz var.',
    promoted: '"{course}" kursunda bir yer boşaldı ve artık sizin.',
    starts: 'Başlangıç: {when}, {place}.',
    manage:
      'Planınızı Digiløft’ta görün. Katılamayacaksanız kaydınızı orada iptal edin; böylece sıradaki kişi yeri alır.',
    waitSubject: 'Bekleme listesinde: {course}',
    waitBody:
      '"{course}" dolu. Bekleme listesinde {n}. sıradasınız. Size yer açıldığında mesaj alacaksınız.',
    reminderSubject: 'Hatırlatma: {course} yarın',
    reminderBody:
      'Hatırlatma: "{course}" başlıyor: {when}, {place}. Gelemeyecekseniz Digiløft’taki planınızdan iptal edin.',
  },
  ur: {
    enrolledSubject: 'آپ کا اندراج ہو گیا: {course}',
    promotedSubject: 'آپ کو جگہ مل گئی: {course}',
    enrolled: '"{course}" میں آپ کی جگہ ہے۔',
    promoted: '"{course}" میں ایک جگہ خالی ہوئی ہے اور وہ آپ کی ہے۔',
    starts: 'آغاز: {when}، {place}۔',
    manage:
      'اپنا منصوبہ Digiløft پر دیکھیں۔ اگر آپ شرکت نہیں کر سکتے تو وہیں منسوخ کریں، تاکہ قطار میں اگلے شخص کو جگہ مل جائے۔',
    waitSubject: 'انتظار کی فہرست میں: {course}',
    waitBody:
      '"{course}" بھرا ہوا ہے۔ انتظار کی فہرست میں آپ کا نمبر {n} ہے۔ جگہ ملنے پر آپ کو پیغام آئے گا۔',
    reminderSubject: 'یاد دہانی: {course} کل',
    reminderBody:
      'یاد دہانی: "{course}" کا آغاز: {when}، {place}۔ اگر آپ نہیں آ سکتے تو Digiløft پر اپنے منصوبے میں منسوخ کریں۔',
  },
  fa: {
    enrolledSubject: 'ثبت‌نام شدید: {course}',
    promotedSubject: 'یک جا برای شما: {course}',
    enrolled: 'شما در «{course}» جا دارید.',
    promoted: 'در «{course}» یک جا خالی شد و مال شماست.',
    starts: 'شروع: {when}، {place}.',
    manage:
      'برنامهٔ خود را در Digiløft ببینید. اگر نمی‌توانید شرکت کنید، همان‌جا لغو کنید تا نفر بعدی در صف جا بگیرد.',
    waitSubject: 'در فهرست انتظار: {course}',
    waitBody:
      '«{course}» پر است. شما نفر {n} در فهرست انتظار هستید و وقتی جایی برایتان باز شود پیام می‌گیرید.',
    reminderSubject: 'یادآوری: {course} فردا',
    reminderBody:
      'یادآوری: «{course}» شروع می‌شود: {when}، {place}. اگر نمی‌توانید بیایید، در برنامهٔ خود در Digiløft لغو کنید.',
  },
  pl: {
    enrolledSubject: 'Zapis potwierdzony: {course}',
    promotedSubject: 'Masz miejsce: {course}',
    enrolled: 'Masz miejsce na kursie „{course}”.',
    promoted: 'Na kursie „{course}” zwolniło się miejsce i jest Twoje.',
    starts: 'Początek: {when}, {place}.',
    manage:
      'Zobacz swój plan w Digiløft. Jeśli nie możesz wziąć udziału, zrezygnuj tam, aby następna osoba z kolejki dostała miejsce.',
    waitSubject: 'Na liście oczekujących: {course}',
    waitBody:
      'Kurs „{course}” jest pełny. Masz numer {n} na liście oczekujących. Dostaniesz wiadomość, gdy będzie dla Ciebie miejsce.',
    reminderSubject: 'Przypomnienie: {course} jutro',
    reminderBody:
      'Przypomnienie: kurs „{course}” zaczyna się {when}, {place}. Jeśli nie możesz przyjść, zrezygnuj w swoim planie w Digiløft.',
  },
  uk: {
    enrolledSubject: 'Вас записано: {course}',
    promotedSubject: 'У вас є місце: {course}',
    enrolled: 'У вас є місце на курсі «{course}».',
    promoted: 'На курсі «{course}» звільнилося місце, і воно ваше.',
    starts: 'Початок: {when}, {place}.',
    manage:
      'Перегляньте свій план у Digiløft. Якщо не можете взяти участь, скасуйте там, щоб наступна людина в черзі отримала місце.',
    waitSubject: 'У списку очікування: {course}',
    waitBody:
      'Курс «{course}» заповнений. Ви номер {n} у списку очікування й отримаєте повідомлення, коли для вас буде місце.',
    reminderSubject: 'Нагадування: {course} завтра',
    reminderBody:
      'Нагадування: «{course}» починається {when}, {place}. Якщо не можете прийти, скасуйте у своєму плані в Digiløft.',
  },
};

const params = (f: PlaceFacts, lang: PageLang) => ({
  course: f.offerName,
  when: f.start ? momentText(f.start, lang) : '',
  place: f.place,
});

export function placeGiven(f: PlaceFacts, lang: PageLang, promoted: boolean) {
  const t = PLACE_TEXTS[lang];
  const p = params(f, lang);
  return {
    subject: fillText(promoted ? t.promotedSubject : t.enrolledSubject, p),
    body: [promoted ? t.promoted : t.enrolled, f.start ? t.starts : null, t.manage]
      .filter((x) => x !== null)
      .map((x) => fillText(x, p))
      .join(' '),
  };
}

export function waitlisted(f: PlaceFacts, placeInLine: number, lang: PageLang) {
  const t = PLACE_TEXTS[lang];
  const p = { ...params(f, lang), n: placeInLine };
  return { subject: fillText(t.waitSubject, p), body: fillText(t.waitBody, p) };
}

export function reminder(f: PlaceFacts & { start: Date }, lang: PageLang) {
  const t = PLACE_TEXTS[lang];
  const p = params(f, lang);
  return { subject: fillText(t.reminderSubject, p), body: fillText(t.reminderBody, p) };
}
