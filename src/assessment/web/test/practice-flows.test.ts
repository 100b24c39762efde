import { describe, expect, it } from 'vitest';
import { ITEM_BANK } from '../../bank';
import {
  INBOX_START,
  LOGIN_START,
  inboxOutcome,
  inboxStep,
  loginStep,
  type InboxEvent,
  type LoginEvent,
  type LoginPractice,
  type LoginState,
} from './practice-flows';

const run = (spec: LoginPractice, events: LoginEvent[]): LoginState =>
  events.reduce((s, e) => loginStep(spec, s, e), LOGIN_START);

const app: LoginPractice = {
  userId: 'OEVE-4821',
  method: 'app',
  service: 'Jobnet',
  requester: 'Jobnet',
};
const trap: LoginPractice = { ...app, requester: 'Hurtiglån ApS' };
const display: LoginPractice = { ...app, method: 'code_display', code: '640218' };

describe('the practice MitID login', () => {
  it('asks again for a wrong or empty user ID and accepts case and spaces', () => {
    expect(run(app, [{ type: 'user_id', value: '' }])).toEqual({
      step: 'user_id',
      error: 'user_id_empty',
    });
    expect(run(app, [{ type: 'user_id', value: 'OEVE-4812' }])).toEqual({
      step: 'user_id',
      error: 'user_id_wrong',
    });
    expect(run(app, [{ type: 'user_id', value: ' oeve-4821 ' }])).toEqual({ step: 'app' });
  });

  it('cannot approve before the user ID is given', () => {
    expect(run(app, [{ type: 'approve' }])).toEqual(LOGIN_START);
  });

  it('approving a login the citizen started is right; refusing it is not', () => {
    const go: LoginEvent = { type: 'user_id', value: 'OEVE-4821' };
    expect(run(app, [go, { type: 'approve' }])).toMatchObject({ step: 'done', outcome: 0 });
    expect(run(app, [go, { type: 'refuse' }])).toMatchObject({ step: 'done', outcome: 1 });
  });

  it('refusing a request from someone else is right; approving it is not', () => {
    const go: LoginEvent = { type: 'user_id', value: 'OEVE-4821' };
    expect(run(trap, [go, { type: 'refuse' }])).toMatchObject({ outcome: 0, approved: false });
    expect(run(trap, [go, { type: 'approve' }])).toMatchObject({ outcome: 1, approved: true });
  });

  it('with a code display, only the six digits shown log in', () => {
    const go: LoginEvent = { type: 'user_id', value: 'OEVE-4821' };
    expect(run(display, [go])).toEqual({ step: 'code', error: null });
    expect(run(display, [go, { type: 'code', value: '64021' }])).toEqual({
      step: 'code',
      error: 'code_format',
    });
    expect(run(display, [go, { type: 'code', value: '640281' }])).toEqual({
      step: 'code',
      error: 'code_wrong',
    });
    expect(run(display, [go, { type: 'code', value: '640 218' }])).toMatchObject({
      step: 'done',
      outcome: 0,
    });
  });

  it('can start over', () => {
    const done = run(app, [{ type: 'user_id', value: 'OEVE-4821' }, { type: 'refuse' }]);
    expect(loginStep(app, done, { type: 'restart' })).toEqual(LOGIN_START);
  });
});

describe('the practice Digital Post inbox', () => {
  const run = (events: InboxEvent[]) => events.reduce(inboxStep, INBOX_START);

  it('needs a letter open and some text before a reply is sent', () => {
    expect(run([{ type: 'reply' }])).toEqual(INBOX_START);
    const s = run([{ type: 'open', letter: 1 }, { type: 'reply' }, { type: 'send', text: ' ' }]);
    expect(s).toMatchObject({ replying: true, error: 'reply_empty', sent: [] });
    expect(inboxOutcome(s, 1)).toBeNull();
  });

  it('answering the letter that asks for it is right', () => {
    const s = run([
      { type: 'open', letter: 0 },
      { type: 'back' },
      { type: 'open', letter: 1 },
      { type: 'reply' },
      { type: 'send', text: 'Jeg kommer gerne.' },
    ]);
    expect(s.sent).toEqual([1]);
    expect(inboxOutcome(s, 1)).toBe(0);
  });

  it('answering another letter as well is not', () => {
    const s = run([
      { type: 'open', letter: 2 },
      { type: 'reply' },
      { type: 'send', text: 'Hej' },
      { type: 'open', letter: 1 },
      { type: 'reply' },
      { type: 'send', text: 'Jeg kommer' },
    ]);
    expect(inboxOutcome(s, 1)).toBe(1);
  });
});

describe('the bank’s interactive practice tasks', () => {
  it('has logins with an app, a code display and a request to refuse', () => {
    const logins = ITEM_BANK.flatMap((e) => (e.type === 'simulation' && e.login ? [e.login] : []));
    expect(logins.map((l) => l.method)).toEqual(
      expect.arrayContaining(['app', 'code_display'] as const),
    );
    expect(logins.some((l) => l.requester !== l.service)).toBe(true);
  });

  it('has inboxes whose letter to answer asks for a reply, in both languages', () => {
    const inboxes = ITEM_BANK.filter((e) => e.type === 'simulation' && e.reply);
    expect(inboxes.length).toBeGreaterThanOrEqual(2);
    for (const e of inboxes) {
      if (e.type !== 'simulation' || !e.reply) continue;
      expect(e.text.da.letters?.[e.reply.letter]?.body).toMatch(/[Ss]var/);
      expect(e.text.en.letters?.[e.reply.letter]?.body).toMatch(/[Rr]eply/);
    }
  });
});
