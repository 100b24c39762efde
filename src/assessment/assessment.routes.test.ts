import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../app/testing/test-app';
import { buildCitizen, buildMunicipality, buildSite, buildUser } from '../app/testing/factories';
import { clock, copenhagenDay } from '../platform/clock';
import { assessmentItems, assessmentResponses, assessments } from './assessment.schema';
import { auditLog } from '../platform/audit';
import { earlierDanish, ITEM_BANK } from './bank';
import { recordScriptedTest } from './scripted-test';

let t: TestApp;
let m: { id: string };
let cw: { id: string; email: string };
let cwCookie: string;
let ementorCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildMunicipality(t.ctx.db);
  cw = await buildUser(t.ctx.db, m.id, ['caseworker']);
  cwCookie = await t.login(cw.email);
  ementorCookie = await t.login((await buildUser(t.ctx.db, m.id, ['ementor'])).email);
});
afterAll(async () => t.close());

async function newCode(cookie: string, citizenId?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/test-codes',
    headers: { cookie },
    payload: citizenId ? { citizenId } : {},
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ code: string; url: string; qrSvg: string; expiresAt: string }>();
}

async function startWithCode(code: string, remoteAddress = '127.0.0.1') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/tests/code',
    payload: { code },
    remoteAddress,
  });
  const cookie = res.cookies.find((c) => c.name === 'dl_test');
  return { res, cookie: cookie ? `dl_test=${cookie.value}` : '' };
}

const send = (cookie: string, url: string, payload?: object) =>
  t.app.inject({
    method: payload === undefined && url.endsWith('current') ? 'GET' : 'POST',
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

/** A wrong answer to every scored item, the lowest rating to every statement. */
function wrongAnswer(key: string): number {
  const e = ITEM_BANK.find((x) => x.id === key)!;
  if (e.type === 'self_rating') return 0;
  const n = e.type === 'knowledge' ? e.text.da.options.length : e.text.da.cards.length;
  return (e.correct + 1) % n;
}

async function answerAll(cookie: string, pick: (key: string) => number = wrongAnswer) {
  let view = (await send(cookie, '/api/tests/current')).json();
  let n = 0;
  while (view.step.kind === 'item') {
    const res = await send(cookie, '/api/tests/answer', {
      itemKey: view.step.item.key,
      answer: pick(view.step.item.key),
    });
    expect(res.statusCode, res.body).toBe(200);
    view = res.json();
    n++;
    expect(n).toBeLessThan(110);
  }
  return { view, n };
}

describe('taking the test with a one-time code', () => {
  it('code → consent → adaptive questions → result, which the caseworker then sees', async () => {
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const code = await newCode(cwCookie, citizen.id);
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code.url).toContain('/test#kode=');
    expect(code.qrSvg).toContain('<svg');

    const { res, cookie } = await startWithCode(code.code.toLowerCase().replace('-', ' '));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'consent_pending',
      linkedToCitizen: true,
      step: { kind: 'consent' },
    });

    const early = await send(cookie, '/api/tests/answer', { itemKey: 'sr-12', answer: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('consent_required');

    const consent = await send(cookie, '/api/tests/consent', { consent: true });
    const first = consent.json();
    expect(first.step).toMatchObject({
      kind: 'item',
      item: { phase: 'self_rating', type: 'self_rating', position: 0 },
    });
    expect(first.step.item.options).toHaveLength(4);
    expect(JSON.stringify(first)).not.toContain('correct');

    const { view, n } = await answerAll(cookie);
    expect(n).toBeGreaterThan(5);
    expect(view.status).toBe('completed');
    expect(view.step.result.group).toBe('foundation');
    expect(view.step.result.basics).toHaveLength(5);
    expect(view.step.result.areas).toHaveLength(5);

    const staff = await t.app.inject({
      url: `/api/citizens/${citizen.id}/assessments`,
      headers: { cookie: cwCookie },
    });
    expect(staff.statusCode).toBe(200);
    expect(staff.json()[0]).toMatchObject({ status: 'completed', result: { group: 'foundation' } });
    const audit = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.citizenId, citizen.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'assessment.code.create',
        'assessment.start',
        'assessment.consent',
        'assessment.answer',
        'assessment.read',
      ]),
    );
  });

  it('refuses answers to anything but the current item, and impossible answers, changing nothing', async () => {
    const tt = await createTestApp();
    try {
      const mm = await buildMunicipality(tt.ctx.db);
      const e = await tt.login((await buildUser(tt.ctx.db, mm.id, ['ementor'])).email);
      const code = (
        await tt.app.inject({
          method: 'POST',
          url: '/api/test-codes',
          headers: { cookie: e },
          payload: {},
        })
      ).json().code as string;
      const start = await tt.app.inject({
        method: 'POST',
        url: '/api/tests/code',
        payload: { code },
      });
      const cookie = `dl_test=${start.cookies.find((c) => c.name === 'dl_test')!.value}`;
      const view = (
        await tt.app.inject({
          method: 'POST',
          url: '/api/tests/consent',
          headers: { cookie },
          payload: { consent: true },
        })
      ).json();
      const wrongItem = await tt.app.inject({
        method: 'POST',
        url: '/api/tests/answer',
        headers: { cookie },
        payload: { itemKey: 'k1-01', answer: 0 },
      });
      expect(wrongItem.statusCode).toBe(409);
      const badAnswer = await tt.app.inject({
        method: 'POST',
        url: '/api/tests/answer',
        headers: { cookie },
        payload: { itemKey: view.step.item.key, answer: 9 },
      });
      expect(badAnswer.statusCode).toBe(400);
      const [{ n }] = (await tt.ctx.db.select({ n: count() }).from(assessmentResponses)) as [
        { n: number },
      ];
      expect(n).toBe(0);
    } finally {
      await tt.close();
    }
  });

  it('pause and resume show the same question; withdrawing deletes every answer', async () => {
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const started = await startWithCode((await newCode(cwCookie, citizen.id)).code);
    expect(started.res.statusCode, started.res.body).toBe(200);
    const { cookie } = started;
    let view = (await send(cookie, '/api/tests/consent', { consent: true })).json();
    for (let i = 0; i < 7; i++)
      view = (
        await send(cookie, '/api/tests/answer', { itemKey: view.step.item.key, answer: 1 })
      ).json();
    const paused = (await send(cookie, '/api/tests/pause', {})).json();
    expect(paused.status).toBe('paused');
    const resumed = (await send(cookie, '/api/tests/current')).json();
    expect(resumed.step.item.key).toBe(view.step.item.key);

    const [a] = await t.ctx.db
      .select()
      .from(assessments)
      .where(eq(assessments.citizenId, citizen.id));
    const before = await t.ctx.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.assessmentId, a!.id));
    expect(before).toHaveLength(7);
    const withdrawn = await send(cookie, '/api/tests/withdraw', {});
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', step: { kind: 'withdrawn' } });
    expect(withdrawn.cookies.find((c) => c.name === 'dl_test')!.value).toBe('');
    expect(
      await t.ctx.db
        .select()
        .from(assessmentResponses)
        .where(eq(assessmentResponses.assessmentId, a!.id)),
    ).toHaveLength(0);
    const staff = (
      await t.app.inject({
        url: `/api/citizens/${citizen.id}/assessments`,
        headers: { cookie: cwCookie },
      })
    ).json();
    expect(staff[0]).toMatchObject({ status: 'withdrawn', result: null });
    // The old cookie no longer opens anything.
    expect((await send(cookie, '/api/tests/current')).statusCode).toBe(404);
  });

  it('"I want someone to help me" pauses the test and names the workshops and when they open', async () => {
    const site = await buildSite(t.ctx.db, m.id, { name: 'Værksted Valby' });
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const { cookie } = await startWithCode((await newCode(cwCookie, citizen.id)).code);
    let view = (await send(cookie, '/api/tests/consent', { consent: true })).json();
    view = (
      await send(cookie, '/api/tests/answer', { itemKey: view.step.item.key, answer: 1 })
    ).json();
    const help = await send(cookie, '/api/tests/help', {});
    expect(help.statusCode, help.body).toBe(200);
    const body = help.json();
    expect(body.test).toMatchObject({ status: 'paused', step: { kind: 'item' } });
    expect(body.test.step.item.key).toBe(view.step.item.key);
    const place = body.places.find((p: { id: string }) => p.id === site.id);
    expect(place).toMatchObject({ name: 'Værksted Valby', address: site.address, city: 'Valby' });
    // Default hours: open on weekdays, so within two weeks, on a day from today on.
    expect(place.next.day >= copenhagenDay(clock.now())).toBe(true);
    expect(place.next.from < place.next.to).toBe(true);
    // Another municipality's workshops are not named.
    const other = await buildSite(t.ctx.db, (await buildMunicipality(t.ctx.db)).id);
    expect(body.places.some((p: { id: string }) => p.id === other.id)).toBe(false);
    // The request is audited for a test linked to a citizen, and the test carries on after.
    const [row] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment.help'), eq(auditLog.citizenId, citizen.id)));
    expect(row).toBeDefined();
    const next = await send(cookie, '/api/tests/answer', {
      itemKey: view.step.item.key,
      answer: 1,
    });
    expect(next.json().status).toBe('in_progress');
    // Without a test there is nobody to help here.
    expect((await send('', '/api/tests/help', {})).statusCode).toBe(401);
  });
});

describe('a test undecided at its maximum length', () => {
  /** Right up to DigComp level 2 and wrong above: right on the foundation cut, never decided. */
  const onTheCut = (key: string) => {
    const e = ITEM_BANK.find((x) => x.id === key)!;
    if (e.type === 'self_rating') return 1;
    return e.level <= 2 ? e.correct : wrongAnswer(key);
  };

  /** A citizen's code test answered on the cut until it stops at the cap. */
  async function cappedTest() {
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const { cookie } = await startWithCode((await newCode(cwCookie, citizen.id)).code);
    await send(cookie, '/api/tests/consent', { consent: true });
    // The items drawn depend on the test's seed (randomesque); one seed makes the run the same
    // every time.
    await t.ctx.db
      .update(assessments)
      .set({ seed: 1 })
      .where(eq(assessments.citizenId, citizen.id));
    return { citizen, cookie, first: await answerAll(cookie, onTheCut) };
  }

  it('stops at 40 questions, says it is unsure, and may go on once to a decision', async () => {
    const { citizen, cookie, first } = await cappedTest();
    expect(first.view.status).toBe('completed');
    expect(first.view.step).toMatchObject({ kind: 'result', canContinue: true });
    expect(first.view.step.result).toMatchObject({ items: 40, stopReason: 'max_items' });
    expect(first.view.step.result.groupProbability).toBeLessThan(0.96);

    // The workshop list can be asked for from the result; it leaves the result as it is.
    const help = await send(cookie, '/api/tests/help');
    expect(help.statusCode, help.body).toBe(200);
    expect(help.json().test.step).toMatchObject({ kind: 'result', canContinue: true });

    const on = await send(cookie, '/api/tests/continue');
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ status: 'in_progress', step: { kind: 'item' } });
    // Meanwhile the caseworker still sees the undecided result, should the citizen stop here.
    const meanwhile = await t.app.inject({
      url: `/api/citizens/${citizen.id}/assessments`,
      headers: { cookie: cwCookie },
    });
    expect(meanwhile.json()[0]).toMatchObject({
      status: 'in_progress',
      result: { items: 40, stopReason: 'max_items' },
    });
    const second = await answerAll(cookie, onTheCut);
    expect(second.view.step.canContinue).toBe(false);
    expect(second.view.step.result.items).toBeGreaterThan(40);
    expect(second.view.step.result.items).toBeLessThanOrEqual(100);

    // Once only; and a refusal changes nothing.
    const again = await send(cookie, '/api/tests/continue');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('test_cannot_continue');
    const [row] = await t.ctx.db
      .select()
      .from(assessments)
      .where(eq(assessments.citizenId, citizen.id));
    expect(row!.status).toBe('completed');
    expect(row!.result!.items).toBe(second.view.step.result.items);
    const actions = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.citizenId, citizen.id), eq(auditLog.action, 'assessment.continue')));
    expect(actions).toHaveLength(1);
  });

  it('a running test the rules have since ended (here: a cap lowered under it) ends on its next read', async () => {
    const { citizen, cookie } = await cappedTest();
    await send(cookie, '/api/tests/continue');
    for (let i = 0; i < 2; i++) {
      const view = (await send(cookie, '/api/tests/current')).json();
      await send(cookie, '/api/tests/answer', {
        itemKey: view.step.item.key,
        answer: onTheCut(view.step.item.key),
      });
    }
    // As if it had started under the old cap of 100: 42 questions in, over today's 40.
    await t.ctx.db
      .update(assessments)
      .set({ continuedAt: null })
      .where(eq(assessments.citizenId, citizen.id));
    const res = await send(cookie, '/api/tests/current');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'completed',
      step: { kind: 'result', result: { items: 42, stopReason: 'max_items' } },
    });
    const [row] = await t.ctx.db
      .select()
      .from(assessments)
      .where(eq(assessments.citizenId, citizen.id));
    expect(row!.status).toBe('completed');
    expect(row!.result!.items).toBe(42);
  });

  it('a decided test cannot be made to go on', async () => {
    const { cookie } = await startWithCode((await newCode(cwCookie)).code);
    await send(cookie, '/api/tests/consent', { consent: true });
    const { view } = await answerAll(cookie);
    expect(view.step).toMatchObject({ kind: 'result', canContinue: false });
    expect(view.step.result.stopReason).toBe('confident');
    const res = await send(cookie, '/api/tests/continue');
    expect(res.statusCode).toBe(409);
    expect((await send(cookie, '/api/tests/current')).json().status).toBe('completed');
  });
});

describe('logged-in citizen', () => {
  it('starts, resumes the same test, and cannot see other citizens’ tests', async () => {
    const user = await buildUser(t.ctx.db, m.id, ['citizen']);
    await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      userId: user.id,
    });
    const cookie = await t.login(user.email);
    const first = (
      await t.app.inject({ method: 'POST', url: '/api/tests/start', headers: { cookie } })
    ).json();
    const again = (
      await t.app.inject({ method: 'POST', url: '/api/tests/start', headers: { cookie } })
    ).json();
    expect(again.id).toBe(first.id);
    expect((await t.app.inject({ url: '/api/tests/current', headers: { cookie } })).json().id).toBe(
      first.id,
    );
  });

  it('a citizen without a record gets a clear 404; staff may not take tests', async () => {
    const cookie = await t.login((await buildUser(t.ctx.db, m.id, ['citizen'])).email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tests/start',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('citizen_has_no_record');
    expect(
      (await t.app.inject({ url: '/api/tests/current', headers: { cookie: cwCookie } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/api/tests/current' })).statusCode).toBe(401);
  });
});

describe('codes and results for staff', () => {
  it('only the own caseworker may tie a code to a citizen or read their results', async () => {
    const other = await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email);
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test-codes',
      headers: { cookie: other },
      payload: { citizenId: citizen.id },
    });
    expect(res.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          url: `/api/citizens/${citizen.id}/assessments`,
          headers: { cookie: other },
        })
      ).statusCode,
    ).toBe(404);
    const byEmentor = await t.app.inject({
      method: 'POST',
      url: '/api/test-codes',
      headers: { cookie: ementorCookie },
      payload: { citizenId: citizen.id },
    });
    expect(byEmentor.statusCode).toBe(404);
  });

  it('gives a QR poster for the test start page', async () => {
    const res = await t.app.inject({ url: '/api/test-poster', headers: { cookie: ementorCookie } });
    expect(res.json().url).toMatch(/\/test$/);
    expect(res.json().qrSvg).toContain('<svg');
  });
});

describe('code guessing', () => {
  // Last: it leaves this address throttled.
  it('a code works once, and bad codes are refused and throttled', async () => {
    const code = await newCode(ementorCookie);
    expect((await startWithCode(code.code)).res.statusCode).toBe(200);
    const again = await startWithCode(code.code);
    expect(again.res.statusCode).toBe(400);
    expect(again.res.json().error.code).toBe('code_invalid');
    // Ten wrong codes from one address are free; then each try waits longer (2 s, 4 s, …).
    for (let i = 0; i < 10; i++)
      expect((await startWithCode(`XXXX-00${String(i).padStart(2, '0')}`)).res.statusCode).toBe(
        400,
      );
    const blocked = await startWithCode('ABCD-EFGH');
    expect(blocked.res.statusCode).toBe(429);
    expect(Number(blocked.res.headers['retry-after'])).toBeLessThanOrEqual(2);
  });
});

describe('following a code and filing its result on a citizen', () => {
  async function completedAnonymousTest(cookie: string) {
    const { code } = await newCode(cookie);
    // Its own address: the throttle test above used up the attempts of the default one.
    const started = await startWithCode(code, '10.0.0.9');
    expect(started.res.statusCode, started.res.body).toBe(200);
    await send(started.cookie, '/api/tests/consent', { consent: true });
    await answerAll(started.cookie);
    return { code, testCookie: started.cookie };
  }

  it('the eMentor who handed out a code sees its status and the result; nobody else does', async () => {
    const e = await buildUser(t.ctx.db, m.id, ['ementor']);
    const eCookie = await t.login(e.email);
    const unused = await newCode(eCookie);
    const { code } = await completedAnonymousTest(eCookie);
    expect(unused.code).not.toBe(code);

    const list = await t.app.inject({ url: '/api/test-codes', headers: { cookie: eCookie } });
    expect(list.statusCode, list.body).toBe(200);
    const codes = list.json<{ id: string; status: string; linkedToCitizen: boolean }[]>();
    expect(codes.map((c) => c.status)).toEqual(['completed', 'unused']);
    expect(JSON.stringify(codes)).not.toContain(code);
    expect(codes[0]!.linkedToCitizen).toBe(false);

    const one = await t.app.inject({
      url: `/api/test-codes/${codes[0]!.id}`,
      headers: { cookie: eCookie },
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ status: 'completed', result: { group: 'foundation' } });
    const pending = await t.app.inject({
      url: `/api/test-codes/${codes[1]!.id}`,
      headers: { cookie: eCookie },
    });
    expect(pending.json()).toMatchObject({ status: 'unused', result: null });

    // Another eMentor, and the caseworker, neither list nor read it.
    const other = await t.app.inject({
      url: `/api/test-codes/${codes[0]!.id}`,
      headers: { cookie: ementorCookie },
    });
    expect(other.statusCode).toBe(404);
    const cwList = await t.app.inject({ url: '/api/test-codes', headers: { cookie: cwCookie } });
    expect(cwList.json<{ id: string }[]>().map((c) => c.id)).not.toContain(codes[0]!.id);
  });

  it('a caseworker files a code test on a citizen of their caseload, once, and it is audited', async () => {
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const { code } = await completedAnonymousTest(ementorCookie);
    const link = (cookie: string, payload: object, id = citizen.id) =>
      t.app.inject({
        method: 'POST',
        url: `/api/citizens/${id}/assessments/link`,
        headers: { cookie },
        payload,
      });

    const unknown = await link(cwCookie, { code: 'ZZZZ-ZZZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('link_code_unused');

    // A caseworker without the citizen on their caseload gets nothing (404), changes nothing.
    const cw2 = await t.login((await buildUser(t.ctx.db, m.id, ['caseworker'])).email);
    expect((await link(cw2, { code })).statusCode).toBe(404);

    const ok = await link(cwCookie, { code: code.toLowerCase() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'completed', result: { group: 'foundation' } });
    const history = await t.app.inject({
      url: `/api/citizens/${citizen.id}/assessments`,
      headers: { cookie: cwCookie },
    });
    expect(history.json<{ id: string }[]>().map((a) => a.id)).toEqual([ok.json().id]);

    const again = await link(cwCookie, { code });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('allerede');

    const rows = await t.ctx.db
      .select({ action: auditLog.action, purpose: auditLog.purpose })
      .from(auditLog)
      .where(eq(auditLog.citizenId, citizen.id));
    expect(rows).toContainEqual({ action: 'assessment.link', purpose: 'case_management' });

    // The eMentor who handed out the code now reads a citizen's result: audited on the citizen.
    const [listed] = (
      await t.app.inject({ url: '/api/test-codes', headers: { cookie: ementorCookie } })
    ).json<{ id: string; linkedToCitizen: boolean }[]>();
    expect(listed!.linkedToCitizen).toBe(true);
    await t.app.inject({
      url: `/api/test-codes/${listed!.id}`,
      headers: { cookie: ementorCookie },
    });
    const after = await t.ctx.db
      .select({ action: auditLog.action, purpose: auditLog.purpose })
      .from(auditLog)
      .where(eq(auditLog.citizenId, citizen.id));
    expect(after).toContainEqual({ action: 'assessment.read', purpose: 'digital_guidance' });
  });

  it('a withdrawn test has nothing to file', async () => {
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const { code, testCookie } = await completedAnonymousTest(ementorCookie);
    expect((await send(testCookie, '/api/tests/withdraw', {})).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/citizens/${citizen.id}/assessments/link`,
      headers: { cookie: cwCookie },
      payload: { code },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('link_code_withdrawn');
    const [row] = await t.ctx.db
      .select({ n: count() })
      .from(assessments)
      .where(eq(assessments.citizenId, citizen.id));
    expect(row!.n).toBe(0);
  });
});

describe('a re-test', () => {
  it('a logged-in citizen with a result starts a new test; both results stay in the history', async () => {
    const u = await buildUser(t.ctx.db, m.id, ['citizen']);
    const c = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
      userId: u.id,
    });
    const { row: first, result } = await recordScriptedTest(t.ctx.db, {
      municipalityId: m.id,
      citizenId: c.id,
      levels: [2, 2, 1, 2, 1],
      completedAt: new Date('2026-02-01T10:00:00Z'),
    });
    // The scripted answers are scored by the model: low levels, the foundation group.
    expect(result.group).toBe('foundation');
    const cookie = await t.login(u.email);
    const current = (await send(cookie, '/api/tests/current')).json();
    expect(current).toMatchObject({ id: first.id, step: { kind: 'result' } });
    const again = await send(cookie, '/api/tests/start', {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).not.toBe(first.id);
    expect(again.json().step.kind).toBe('consent');
    const history = await t.app.inject({
      url: `/api/citizens/${c.id}/assessments`,
      headers: { cookie: cwCookie },
    });
    expect(history.json().map((a: { status: string }) => a.status)).toEqual([
      'consent_pending',
      'completed',
    ]);
  });
});

describe('the test in a community language', () => {
  const inLang = (lang: string, cookie: string, url: string, payload?: object) =>
    t.app.inject({
      method: payload === undefined ? 'GET' : 'POST',
      url,
      headers: { cookie, 'x-page-lang': lang },
      ...(payload ? { payload } : {}),
    });

  it('is taken in the language the page shows: its items, answers and scale in Arabic, and the result names it', async () => {
    const citizen = await buildCitizen(t.ctx.db, t.ctx.cipher, {
      municipalityId: m.id,
      caseworkerId: cw.id,
    });
    const code = await newCode(cwCookie, citizen.id);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/tests/code',
      payload: { code: code.code },
      headers: { 'x-page-lang': 'ar' },
      remoteAddress: '10.9.9.9',
    });
    expect(start.statusCode, start.body).toBe(200);
    const cookie = `dl_test=${start.cookies.find((c) => c.name === 'dl_test')!.value}`;
    let view = (await inLang('ar', cookie, '/api/tests/consent', { consent: true })).json();
    expect(view.language).toBe('ar');
    let shown = 0;
    while (view.step.kind === 'item') {
      const item = view.step.item;
      const entry = ITEM_BANK.find((e) => e.id === item.key)!;
      const arabic = entry.text.ar!;
      const prompt =
        'statement' in arabic ? arabic.statement : 'stem' in arabic ? arabic.stem : arabic.task;
      expect(item.prompt).toBe(prompt);
      if (entry.type === 'self_rating') expect(item.options[0].title).toBe('لا أستطيع فعل ذلك');
      shown++;
      const res = await inLang('ar', cookie, '/api/tests/answer', {
        itemKey: item.key,
        answer: wrongAnswer(item.key),
      });
      expect(res.statusCode, res.body).toBe(200);
      view = res.json();
    }
    expect(shown).toBeGreaterThan(5);
    expect(view).toMatchObject({ status: 'completed', language: 'ar' });
    const staff = await t.app.inject({
      url: `/api/citizens/${citizen.id}/assessments`,
      headers: { cookie: cwCookie },
    });
    expect(staff.json()[0]).toMatchObject({ status: 'completed', language: 'ar' });
    // An error on the way is explained in the page's language too.
    const late = await inLang('ar', cookie, '/api/tests/answer', { itemKey: 'sr-01', answer: 0 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('انتهى الاختبار ولا يمكن الإجابة عليه بعد الآن.');
  });

  it('items copied in before a language existed gain it, and the plain-Danish wording; an item an admin reworded waits for its translation', async () => {
    const town = await buildMunicipality(t.ctx.db);
    const admin = await buildUser(t.ctx.db, town.id, ['admin']);
    const adminCookie = await t.login(admin.email);
    const items = await t.app.inject({
      url: '/api/assessment/items',
      headers: { cookie: adminCookie },
    });
    expect(items.statusCode, items.body).toBe(200);
    const rows = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.municipalityId, town.id));
    const [old, reworded] = [
      rows.find((r) => r.key === 'sr-01')!,
      rows.find((r) => r.key === 'sr-02')!,
    ];
    // As kept by an installation from before the Arabic texts.
    const withoutArabic = (r: typeof old) => {
      const text: Record<string, unknown> = { ...r.content.text };
      delete text.ar;
      return { ...r.content, text } as typeof r.content;
    };
    await t.ctx.db
      .update(assessmentItems)
      .set({ content: withoutArabic(old) })
      .where(eq(assessmentItems.id, old.id));
    await t.ctx.db
      .update(assessmentItems)
      .set({ content: withoutArabic(reworded) })
      .where(eq(assessmentItems.id, reworded.id));
    // One kept with its Danish from before the plain-Danish rewrite (and no Arabic).
    const plain = rows.find((r) => r.key === 'sr-40')!;
    const original = ITEM_BANK.find((e) => e.id === 'sr-40')!;
    const [earlier] = earlierDanish(original);
    await t.ctx.db
      .update(assessmentItems)
      .set({
        content: {
          ...withoutArabic(plain),
          text: { ...withoutArabic(plain).text, da: earlier },
        } as typeof plain.content,
      })
      .where(eq(assessmentItems.id, plain.id));
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/assessment/items/${reworded.id}`,
      headers: { cookie: adminCookie },
      payload: {
        text: {
          da: { statement: 'Jeg kan finde ting på nettet.' },
          en: { statement: 'I can find things online.' },
        },
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    await t.app.inject({ url: '/api/assessment/items', headers: { cookie: adminCookie } });
    const after = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.municipalityId, town.id));
    const text = (key: string) => after.find((r) => r.key === key)!.content.text;
    expect(text('sr-01').ar).toEqual(ITEM_BANK.find((e) => e.id === 'sr-01')!.text.ar);
    expect(text('sr-40').da).toEqual(original.text.da);
    expect(text('sr-40').da).not.toEqual(earlier);
    expect(text('sr-40').ar).toEqual(original.text.ar);
    expect(text('sr-02').ar).toBeUndefined();
    expect(text('sr-02').da).toEqual({ statement: 'Jeg kan finde ting på nettet.' });
    // A change of level only keeps the translations.
    const levelled = await t.app.inject({
      method: 'PATCH',
      url: `/api/assessment/items/${old.id}`,
      headers: { cookie: adminCookie },
      payload: { level: 2, text: old.content.text },
    });
    expect(levelled.statusCode, levelled.body).toBe(200);
    const [kept] = await t.ctx.db
      .select()
      .from(assessmentItems)
      .where(eq(assessmentItems.id, old.id));
    expect(kept!.content.text.ar).toEqual(ITEM_BANK.find((e) => e.id === 'sr-01')!.text.ar);
  });

  it('an admin can keep an item out of one community language only', async () => {
    const town = await buildMunicipality(t.ctx.db);
    const adminCookie = await t.login((await buildUser(t.ctx.db, town.id, ['admin'])).email);
    const items = (
      await t.app.inject({ url: '/api/assessment/items', headers: { cookie: adminCookie } })
    ).json<{ id: string; key: string }[]>();
    const item = items.find((i) => i.key === 'k1-01')!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/assessment/items/${item.id}`,
      headers: { cookie: adminCookie },
      payload: { retiredLanguages: ['so'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().retiredLanguages).toEqual(['so']);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/assessment/items/${item.id}`,
      headers: { cookie: adminCookie },
      payload: { retiredLanguages: ['xx'] },
    });
    expect(bad.statusCode).toBe(400);
  });
});
