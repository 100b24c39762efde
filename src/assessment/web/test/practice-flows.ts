// The steps of the interactive practice tasks (MitID login, Digital Post reply) as pure state
// machines, so the rules can be tested without a browser. Each ends in an outcome: 0 when the
// citizen did the task right, 1 when not (the two outcome cards of the item).

export interface LoginPractice {
  userId: string;
  method: 'app' | 'code_display';
  code?: string;
  service: string;
  requester: string;
}

export type LoginState =
  | { step: 'user_id'; error: 'user_id_wrong' | 'user_id_empty' | null }
  | { step: 'app' }
  | { step: 'code'; error: 'code_wrong' | 'code_format' | null }
  | { step: 'done'; approved: boolean; outcome: 0 | 1 };

export type LoginEvent =
  | { type: 'user_id'; value: string }
  | { type: 'approve' }
  | { type: 'refuse' }
  | { type: 'code'; value: string }
  | { type: 'restart' };

export const LOGIN_START: LoginState = { step: 'user_id', error: null };

// People type user IDs with stray spaces and in either case; MitID itself does not mind case.
const normalId = (s: string) => s.replace(/\s+/g, '').toUpperCase();

export function loginStep(spec: LoginPractice, state: LoginState, event: LoginEvent): LoginState {
  if (event.type === 'restart') return LOGIN_START;
  const genuine = spec.requester === spec.service;
  switch (state.step) {
    case 'user_id': {
      if (event.type !== 'user_id') return state;
      if (!event.value.trim()) return { step: 'user_id', error: 'user_id_empty' };
      if (normalId(event.value) !== normalId(spec.userId))
        return { step: 'user_id', error: 'user_id_wrong' };
      return spec.method === 'app' ? { step: 'app' } : { step: 'code', error: null };
    }
    case 'app':
      if (event.type === 'approve')
        return { step: 'done', approved: true, outcome: genuine ? 0 : 1 };
      if (event.type === 'refuse')
        return { step: 'done', approved: false, outcome: genuine ? 1 : 0 };
      return state;
    case 'code': {
      if (event.type !== 'code') return state;
      const digits = event.value.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(digits)) return { step: 'code', error: 'code_format' };
      if (digits !== spec.code) return { step: 'code', error: 'code_wrong' };
      return { step: 'done', approved: true, outcome: 0 };
    }
    case 'done':
      return state;
  }
}

export interface InboxState {
  /** The letter open on screen, if any. */
  open: number | null;
  /** Writing a reply to the open letter. */
  replying: boolean;
  error: 'reply_empty' | null;
  /** Letters replied to, in order. */
  sent: number[];
}

export type InboxEvent =
  | { type: 'open'; letter: number }
  | { type: 'back' }
  | { type: 'reply' }
  | { type: 'send'; text: string };

export const INBOX_START: InboxState = { open: null, replying: false, error: null, sent: [] };

export function inboxStep(state: InboxState, event: InboxEvent): InboxState {
  switch (event.type) {
    case 'open':
      return { ...state, open: event.letter, replying: false, error: null };
    case 'back':
      return { ...state, open: null, replying: false, error: null };
    case 'reply':
      return state.open === null ? state : { ...state, replying: true, error: null };
    case 'send': {
      if (state.open === null || !state.replying) return state;
      if (event.text.trim().length < 2) return { ...state, error: 'reply_empty' };
      return { ...state, replying: false, error: null, sent: [...state.sent, state.open] };
    }
  }
}

/** Right only when the letter that asked for a reply, and no other, was answered. */
export function inboxOutcome(state: InboxState, answer: number): 0 | 1 | null {
  if (state.sent.length === 0) return null;
  return state.sent.every((l) => l === answer) ? 0 : 1;
}
