export const LANG_COOKIE = 'dl_lang';
/** Holds the token of a test started with a one-time code (no login). */
export const TEST_COOKIE = 'dl_test';
