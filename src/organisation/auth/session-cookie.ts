import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './session.store';

/** The one way a session cookie is set, whichever way the user logged in. */
export function setSessionCookie(reply: FastifyReply, token: string, maxHours: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: maxHours * 3600,
  });
}
