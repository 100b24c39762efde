// The assessment texts the test page can meet, in the community languages. Staff-only texts
// (codes to file, item editing, calibration) stay in Danish and English.
import type { CommunityLang } from '../platform/i18n/messages';

/** The keys of assessment.messages.ts the test page can show. */
export const TEST_PAGE_KEYS = [
  'test_code',
  'consent_required',
  'test_closed',
  'test_cannot_continue',
  'not_current_item',
  'answer_invalid',
  'code_invalid',
] as const;
type Key = (typeof TEST_PAGE_KEYS)[number];

export const TEST_PAGE_COMMUNITY: Record<CommunityLang, Record<Key, string>> = {
  ar: {
    test_code: 'اكتب الرمز المكوّن من 8 أحرف الذي حصلت عليه من موظف الجوب سنتر أو من eMentor.',
    consent_required: 'يجب أن توافق قبل أن يبدأ الاختبار.',
    test_closed: 'انتهى الاختبار ولا يمكن الإجابة عليه بعد الآن.',
    test_cannot_continue: 'لا يمكن متابعة الاختبار. يمكنك أن تبدأ اختبارًا جديدًا.',
    not_current_item: 'تمت الإجابة على السؤال من قبل أو ليس هو التالي. أعد تحميل الصفحة.',
    answer_invalid: 'الإجابة لا تناسب السؤال.',
    code_invalid: 'الرمز غير موجود أو مستخدم أو منتهي الصلاحية. اطلب رمزًا جديدًا.',
  },
  so: {
    test_code: 'Qor koodhka 8-da xaraf ah ee aad ka heshay la-taliyahaaga shaqada ama eMentor.',
    consent_required: 'Waa inaad ogolaato ka hor inta aysan tijaabadu bilaaban.',
    test_closed: 'Tijaabadu way dhammaatay, lagamana jawaabi karo.',
    test_cannot_continue: 'Tijaabadu ma sii socon karto. Tijaabo cusub ayaad qaadan kartaa.',
    not_current_item:
      'Su’aasha horay ayaa looga jawaabay ama ma aha tan xigta. Dib u cusboonaysii bogga.',
    answer_invalid: 'Jawaabtu kuma habboona su’aasha.',
    code_invalid: 'Koodhku ma jiro, waa la isticmaalay ama wuu dhacay. Weydii koodh cusub.',
  },
  tr: {
    test_code: 'İş danışmanınızdan veya bir eMentor’dan aldığınız 8 karakterli kodu yazın.',
    consent_required: 'Test başlamadan önce onay vermelisiniz.',
    test_closed: 'Test bitti ve artık cevaplanamaz.',
    test_cannot_continue: 'Test devam edemez. Yeni bir test yapabilirsiniz.',
    not_current_item: 'Soru zaten cevaplandı veya sıradaki soru değil. Sayfayı yenileyin.',
    answer_invalid: 'Cevap soruya uymuyor.',
    code_invalid: 'Kod yok, kullanılmış veya süresi dolmuş. Yeni bir kod isteyin.',
  },
  ur: {
    test_code: 'وہ 8 حروف والا کوڈ لکھیں جو آپ کو جاب سینٹر کے مشیر یا eMentor سے ملا۔',
    consent_required: 'ٹیسٹ شروع ہونے سے پہلے آپ کو رضامندی دینی ہوگی۔',
    test_closed: 'ٹیسٹ ختم ہو چکا ہے اور اب جواب نہیں دیا جا سکتا۔',
    test_cannot_continue: 'ٹیسٹ آگے نہیں چل سکتا۔ آپ نیا ٹیسٹ دے سکتے ہیں۔',
    not_current_item: 'اس سوال کا جواب دیا جا چکا ہے یا یہ اگلا سوال نہیں۔ صفحہ دوبارہ لوڈ کریں۔',
    answer_invalid: 'جواب سوال کے مطابق نہیں۔',
    code_invalid: 'کوڈ موجود نہیں، استعمال ہو چکا یا ختم ہو گیا ہے۔ نیا کوڈ مانگیں۔',
  },
  fa: {
    test_code: 'کد 8 کاراکتری را که از مشاور کاریابی یا یک eMentor گرفته‌اید بنویسید.',
    consent_required: 'پیش از شروع آزمون باید رضایت بدهید.',
    test_closed: 'آزمون تمام شده و دیگر نمی‌شود به آن پاسخ داد.',
    test_cannot_continue: 'آزمون نمی‌تواند ادامه پیدا کند. می‌توانید آزمون تازه‌ای بدهید.',
    not_current_item:
      'به این سؤال قبلاً پاسخ داده شده یا سؤال بعدی نیست. صفحه را دوباره بارگذاری کنید.',
    answer_invalid: 'پاسخ با سؤال جور نیست.',
    code_invalid: 'کد وجود ندارد، استفاده شده یا منقضی شده است. کد تازه بخواهید.',
  },
  pl: {
    test_code: 'Wpisz 8-znakowy kod, który dostałeś od doradcy w urzędzie pracy albo od eMentora.',
    consent_required: 'Przed rozpoczęciem testu musisz wyrazić zgodę.',
    test_closed: 'Test się zakończył i nie można już na niego odpowiadać.',
    test_cannot_continue: 'Test nie może być kontynuowany. Możesz zrobić nowy test.',
    not_current_item: 'Na to pytanie już odpowiedziano albo nie jest następne. Odśwież stronę.',
    answer_invalid: 'Odpowiedź nie pasuje do pytania.',
    code_invalid: 'Kod nie istnieje, został użyty albo wygasł. Poproś o nowy kod.',
  },
  uk: {
    test_code: 'Введіть 8-символьний код, який ви отримали від консультанта або від eMentor.',
    consent_required: 'Перед початком тесту потрібно дати згоду.',
    test_closed: 'Тест завершено, на нього більше не можна відповідати.',
    test_cannot_continue: 'Тест не можна продовжити. Ви можете пройти новий тест.',
    not_current_item: 'На це питання вже відповіли або воно не наступне. Оновіть сторінку.',
    answer_invalid: 'Відповідь не підходить до питання.',
    code_invalid: 'Код не існує, вже використаний або прострочений. Попросіть новий код.',
  },
};
