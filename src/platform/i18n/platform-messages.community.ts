// The platform's own texts (errors any route may answer with) in the community languages.
// Placeholders stay as they are: {details}, {seconds}, {minutes}, {field}. messages.ts holds
// each language to every platform key.
import type { CommunityLang } from './languages.constants';

export const PLATFORM_COMMUNITY = {
  ar: {
    bad_request: 'تعذّرت قراءة الطلب.',
    required: 'هذا الحقل مطلوب.',
    validation_failed: 'بعض الحقول غير مملوءة بشكل صحيح: {details}',
    check_input: '{details}',
    unauthenticated: 'يجب أن تسجّل الدخول للمتابعة.',
    forbidden: 'ليس لديك صلاحية لهذا.',
    not_found: 'الصفحة غير موجودة.',
    too_many_attempts: 'محاولات كثيرة الآن. انتظر {seconds} ثانية ثم حاول مرة أخرى.',
    too_many_attempts_minutes: 'محاولات كثيرة الآن. انتظر {minutes} دقيقة ثم حاول مرة أخرى.',
    cross_origin: 'جاء الطلب من موقع آخر وتم رفضه.',
    rate_limited: 'وصلت طلبات كثيرة من هنا في وقت قصير. انتظر {seconds} ثانية، أو اسأل الموظفين.',
    rate_limited_minutes:
      'وصلت طلبات كثيرة من هنا في وقت قصير. انتظر {minutes} دقيقة، أو اسأل الموظفين.',
    invalid_characters: 'الحقل {field} يحتوي على رمز غير مسموح به. احذفه وحاول مرة أخرى.',
    single_line: 'يجب أن يكون في سطر واحد.',
    payload_too_large: 'الطلب كبير جدًا.',
    unsupported_media_type: 'يجب إرسال الطلب بصيغة JSON.',
    internal: 'حدث خطأ عندنا. حاول مرة أخرى لاحقًا.',
    database_unavailable: 'لا يصل Digiløft إلى قاعدة بياناته الآن. بياناتك آمنة. حاول بعد قليل.',
    reload_page: 'الصفحة قديمة. أعد تحميلها وحاول مرة أخرى.',
    speech_no_voice: 'لا يوجد صوت للقراءة بهذه اللغة.',
    speech_personal_data:
      'يبدو أن النص يحتوي على بيانات شخصية (رقم CPR أو رقم هاتف أو بريد إلكتروني)، لذلك لن يُقرأ.',
  },
  so: {
    bad_request: 'Codsiga lama akhrin karo.',
    required: 'Waa in la buuxiyaa.',
    validation_failed: 'Meelaha qaar si sax ah looma buuxin: {details}',
    check_input: '{details}',
    unauthenticated: 'Waa inaad gasho si aad u sii wadato.',
    forbidden: 'Uma lihid ogolaansho tan.',
    not_found: 'Boggan ma jiro.',
    too_many_attempts: 'Isku dayo badan hadda. Sug {seconds} ilbiriqsi oo isku day mar kale.',
    too_many_attempts_minutes: 'Isku dayo badan hadda. Sug {minutes} daqiiqo oo isku day mar kale.',
    cross_origin: 'Codsiga wuxuu ka yimid bog kale, waana la diiday.',
    rate_limited:
      'Codsiyo badan ayaa halkan ka yimid wakhti gaaban. Sug {seconds} ilbiriqsi, ama weydii shaqaalaha.',
    rate_limited_minutes:
      'Codsiyo badan ayaa halkan ka yimid wakhti gaaban. Sug {minutes} daqiiqo, ama weydii shaqaalaha.',
    invalid_characters:
      'Meesha {field} waxaa ku jira calaamad aan la oggolayn. Ka saar oo isku day mar kale.',
    single_line: 'Waa inuu ku jiraa hal sadar.',
    payload_too_large: 'Codsigu aad buu u weyn yahay.',
    unsupported_media_type: 'Codsiga waa in loo diraa sida JSON.',
    internal: 'Khalad ayaa naga dhacay. Isku day mar dambe.',
    database_unavailable:
      'Digiløft hadda ma gaari karo keydkiisa xogta. Xogtaadu way badbaadsan tahay. Isku day wax yar kadib.',
    reload_page: 'Boggu waa duug. Dib u soo rar oo isku day mar kale.',
    speech_no_voice: 'Ma jiro cod akhrinta luqaddaas.',
    speech_personal_data:
      'Qoraalku wuxuu u eg yahay xog shakhsi ah (lambarka CPR, lambar telefoon ama iimayl), lama akhrinayo.',
  },
  tr: {
    bad_request: 'İstek okunamadı.',
    required: 'Doldurulmalı.',
    validation_failed: 'Bazı alanlar doğru doldurulmamış: {details}',
    check_input: '{details}',
    unauthenticated: 'Devam etmek için giriş yapmalısınız.',
    forbidden: 'Buna erişiminiz yok.',
    not_found: 'Sayfa bulunamadı.',
    too_many_attempts: 'Şu an çok fazla deneme var. {seconds} saniye bekleyip tekrar deneyin.',
    too_many_attempts_minutes:
      'Şu an çok fazla deneme var. {minutes} dakika bekleyip tekrar deneyin.',
    cross_origin: 'İstek başka bir siteden geldi ve reddedildi.',
    rate_limited:
      'Kısa sürede buradan çok fazla istek geldi. {seconds} saniye bekleyin veya personele sorun.',
    rate_limited_minutes:
      'Kısa sürede buradan çok fazla istek geldi. {minutes} dakika bekleyin veya personele sorun.',
    invalid_characters: '{field} alanında izin verilmeyen bir karakter var. Silip tekrar deneyin.',
    single_line: 'Tek satır olmalı.',
    payload_too_large: 'İstek çok büyük.',
    unsupported_media_type: 'İstek JSON olarak gönderilmelidir.',
    internal: 'Bizde bir hata oldu. Lütfen daha sonra tekrar deneyin.',
    database_unavailable:
      'Digiløft şu an veritabanına ulaşamıyor. Verileriniz güvende. Biraz sonra tekrar deneyin.',
    reload_page: 'Sayfa eski. Yeniden yükleyip tekrar deneyin.',
    speech_no_voice: 'Bu dil için sesli okuma yok.',
    speech_personal_data:
      'Metin kişisel bilgiye benziyor (CPR numarası, telefon numarası veya e-posta), bu yüzden okunmaz.',
  },
  ur: {
    bad_request: 'درخواست پڑھی نہیں جا سکی۔',
    required: 'یہ خانہ بھرنا ضروری ہے۔',
    validation_failed: 'کچھ خانے درست طریقے سے نہیں بھرے گئے: {details}',
    check_input: '{details}',
    unauthenticated: 'جاری رکھنے کے لیے لاگ اِن کریں۔',
    forbidden: 'آپ کو اس کی اجازت نہیں ہے۔',
    not_found: 'صفحہ موجود نہیں ہے۔',
    too_many_attempts:
      'ابھی بہت زیادہ کوششیں ہو گئی ہیں۔ {seconds} سیکنڈ انتظار کریں اور دوبارہ کوشش کریں۔',
    too_many_attempts_minutes:
      'ابھی بہت زیادہ کوششیں ہو گئی ہیں۔ {minutes} منٹ انتظار کریں اور دوبارہ کوشش کریں۔',
    cross_origin: 'درخواست کسی اور ویب سائٹ سے آئی اور رد کر دی گئی۔',
    rate_limited:
      'یہاں سے تھوڑے وقت میں بہت سی درخواستیں آئی ہیں۔ {seconds} سیکنڈ انتظار کریں، یا عملے سے پوچھیں۔',
    rate_limited_minutes:
      'یہاں سے تھوڑے وقت میں بہت سی درخواستیں آئی ہیں۔ {minutes} منٹ انتظار کریں، یا عملے سے پوچھیں۔',
    invalid_characters:
      'خانہ {field} میں ایک ایسا نشان ہے جس کی اجازت نہیں۔ اسے ہٹا کر دوبارہ کوشش کریں۔',
    single_line: 'صرف ایک سطر میں ہونا چاہیے۔',
    payload_too_large: 'درخواست بہت بڑی ہے۔',
    unsupported_media_type: 'درخواست JSON کی صورت میں بھیجیں۔',
    internal: 'ہماری طرف ایک غلطی ہو گئی۔ بعد میں دوبارہ کوشش کریں۔',
    database_unavailable:
      'Digiløft ابھی اپنے ڈیٹا بیس تک نہیں پہنچ سکتا۔ آپ کا ڈیٹا محفوظ ہے۔ تھوڑی دیر بعد کوشش کریں۔',
    reload_page: 'صفحہ پرانا ہو گیا ہے۔ اسے دوبارہ لوڈ کریں اور کوشش کریں۔',
    speech_no_voice: 'اس زبان میں پڑھ کر سنانے کی آواز موجود نہیں۔',
    speech_personal_data:
      'یہ متن ذاتی معلومات جیسا لگتا ہے (CPR نمبر، فون نمبر یا ای میل)، اس لیے پڑھا نہیں جائے گا۔',
  },
  fa: {
    bad_request: 'درخواست خوانده نشد.',
    required: 'این بخش باید پر شود.',
    validation_failed: 'بعضی از بخش‌ها درست پر نشده‌اند: {details}',
    check_input: '{details}',
    unauthenticated: 'برای ادامه باید وارد شوید.',
    forbidden: 'شما اجازهٔ این کار را ندارید.',
    not_found: 'این صفحه وجود ندارد.',
    too_many_attempts:
      'الان تلاش‌های زیادی شده است. {seconds} ثانیه صبر کنید و دوباره امتحان کنید.',
    too_many_attempts_minutes:
      'الان تلاش‌های زیادی شده است. {minutes} دقیقه صبر کنید و دوباره امتحان کنید.',
    cross_origin: 'درخواست از سایت دیگری آمد و رد شد.',
    rate_limited:
      'در مدت کوتاهی درخواست‌های زیادی از اینجا آمده است. {seconds} ثانیه صبر کنید، یا از کارکنان بپرسید.',
    rate_limited_minutes:
      'در مدت کوتاهی درخواست‌های زیادی از اینجا آمده است. {minutes} دقیقه صبر کنید، یا از کارکنان بپرسید.',
    invalid_characters:
      'بخش {field} نویسه‌ای دارد که مجاز نیست. آن را پاک کنید و دوباره امتحان کنید.',
    single_line: 'باید در یک خط باشد.',
    payload_too_large: 'درخواست خیلی بزرگ است.',
    unsupported_media_type: 'درخواست باید به صورت JSON فرستاده شود.',
    internal: 'در سیستم ما خطایی رخ داد. بعداً دوباره امتحان کنید.',
    database_unavailable:
      'Digiløft الان به پایگاه دادهٔ خود دسترسی ندارد. اطلاعات شما امن است. کمی بعد امتحان کنید.',
    reload_page: 'صفحه قدیمی است. آن را دوباره باز کنید و امتحان کنید.',
    speech_no_voice: 'برای این زبان صدای خواندن وجود ندارد.',
    speech_personal_data:
      'این متن شبیه اطلاعات شخصی است (شمارهٔ CPR، شماره تلفن یا ایمیل)، پس خوانده نمی‌شود.',
  },
  pl: {
    bad_request: 'Nie udało się odczytać żądania.',
    required: 'To pole jest wymagane.',
    validation_failed: 'Niektóre pola są wypełnione nieprawidłowo: {details}',
    check_input: '{details}',
    unauthenticated: 'Zaloguj się, aby kontynuować.',
    forbidden: 'Nie masz do tego dostępu.',
    not_found: 'Strona nie istnieje.',
    too_many_attempts: 'Za dużo prób. Odczekaj {seconds} sekund i spróbuj ponownie.',
    too_many_attempts_minutes: 'Za dużo prób. Odczekaj {minutes} minut i spróbuj ponownie.',
    cross_origin: 'Żądanie przyszło z innej strony i zostało odrzucone.',
    rate_limited:
      'W krótkim czasie przyszło stąd wiele żądań. Odczekaj {seconds} sekund lub zapytaj personel.',
    rate_limited_minutes:
      'W krótkim czasie przyszło stąd wiele żądań. Odczekaj {minutes} minut lub zapytaj personel.',
    invalid_characters: 'Pole {field} zawiera niedozwolony znak. Usuń go i spróbuj ponownie.',
    single_line: 'Musi mieścić się w jednej linii.',
    payload_too_large: 'Żądanie jest za duże.',
    unsupported_media_type: 'Żądanie musi być wysłane jako JSON.',
    internal: 'Wystąpił błąd po naszej stronie. Spróbuj ponownie później.',
    database_unavailable:
      'Digiløft nie może teraz połączyć się z bazą danych. Twoje dane są bezpieczne. Spróbuj za chwilę.',
    reload_page: 'Strona jest nieaktualna. Odśwież ją i spróbuj ponownie.',
    speech_no_voice: 'Brak głosu do czytania w tym języku.',
    speech_personal_data:
      'Tekst wygląda na dane osobowe (numer CPR, numer telefonu lub e-mail), więc nie zostanie odczytany.',
  },
  uk: {
    bad_request: 'Не вдалося прочитати запит.',
    required: 'Це поле обовʼязкове.',
    validation_failed: 'Деякі поля заповнено неправильно: {details}',
    check_input: '{details}',
    unauthenticated: 'Увійдіть, щоб продовжити.',
    forbidden: 'У вас немає доступу до цього.',
    not_found: 'Сторінку не знайдено.',
    too_many_attempts: 'Забагато спроб. Зачекайте {seconds} секунд і спробуйте ще раз.',
    too_many_attempts_minutes: 'Забагато спроб. Зачекайте {minutes} хвилин і спробуйте ще раз.',
    cross_origin: 'Запит надійшов з іншого сайту і був відхилений.',
    rate_limited:
      'Звідси надійшло багато запитів за короткий час. Зачекайте {seconds} секунд або запитайте персонал.',
    rate_limited_minutes:
      'Звідси надійшло багато запитів за короткий час. Зачекайте {minutes} хвилин або запитайте персонал.',
    invalid_characters:
      'Поле {field} містить недозволений символ. Видаліть його і спробуйте ще раз.',
    single_line: 'Має бути в одному рядку.',
    payload_too_large: 'Запит завеликий.',
    unsupported_media_type: 'Запит треба надіслати у форматі JSON.',
    internal: 'У нас сталася помилка. Спробуйте пізніше.',
    database_unavailable:
      'Digiløft зараз не може зʼєднатися з базою даних. Ваші дані в безпеці. Спробуйте трохи пізніше.',
    reload_page: 'Сторінка застаріла. Оновіть її і спробуйте ще раз.',
    speech_no_voice: 'Для цієї мови немає голосу для читання.',
    speech_personal_data:
      'Текст схожий на особисті дані (номер CPR, номер телефону або e-mail), тому його не буде прочитано.',
  },
} satisfies Record<CommunityLang, Record<string, string>>;
