/** Where the journeys' server listens, shared by the Playwright config and the helpers. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
/**
 * What a browser on our own pages sends with a write: API calls made outside the page
 * (Playwright's request context) send it too, since cookie-carrying writes need it.
 */
export const SAME_ORIGIN = { origin: BASE_URL };
/**
 * Where the journeys' server drops the messages it sends (MAIL_DIR), so a journey can open the
 * link in an e-mail. Set once by the Playwright config; its workers inherit it.
 */
export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? '';
