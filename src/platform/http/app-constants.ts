/** The session cookie (an opaque token; its SHA-256 is the session's id). */
export const SESSION_COOKIE = 'dl_session';
export const LANG_COOKIE = 'dl_lang';
/** Holds the token of a test started with a one-time code (no login). */
export const TEST_COOKIE = 'dl_test';
/** Holds the token of a drop-in queue ticket taken on the citizen's own phone. */
export const TICKET_COOKIE = 'dl_ticket';

/** The language the calling page shows (the web client sends it): the server's texts follow it. */
export const PAGE_LANG_HEADER = 'x-page-lang';
