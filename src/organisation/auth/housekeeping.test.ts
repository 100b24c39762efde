import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../app/testing/test-app';
import { buildMunicipality, buildUser } from '../../app/testing/factories';
import { loginAttempts, sessions } from './auth.schema';
import { endExpiredSessions } from './housekeeping';
import { asSystem } from '../../platform/use-case';
import { auditLog } from '../../platform/audit/audit.schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('auth housekeeping', () => {
  it('removes expired and idle sessions and old login attempts, keeps live ones', async () => {
    const m = await buildMunicipality(t.ctx.db);
    const live = await buildUser(t.ctx.db, m.id, ['admin']);
    const idle = await buildUser(t.ctx.db, m.id, ['admin']);
    await t.login(live.email);
    await t.login(idle.email);
    await t.ctx.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 2 * 3600_000) })
      .where(eq(sessions.userId, idle.id));
    await t.ctx.db.insert(loginAttempts).values({
      accountKey: 'old',
      ip: '127.0.0.1',
      succeeded: false,
      at: new Date(Date.now() - 3 * 86400_000),
    });
    const ended = await asSystem(t.ctx.db, (task) => endExpiredSessions(task, 60));
    expect(ended).toMatchObject({ sessions: 1 });
    const left = await t.ctx.db.select({ userId: sessions.userId }).from(sessions);
    expect(left.map((s) => s.userId)).toEqual([live.id]);
    expect(
      await t.ctx.db.select().from(loginAttempts).where(eq(loginAttempts.accountKey, 'old')),
    ).toEqual([]);
    expect((await t.ctx.db.select().from(loginAttempts)).length).toBeGreaterThan(0);
    // The ended session is in the municipality's access log, as the system's doing.
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'session.expire'));
    expect(logged).toEqual([
      expect.objectContaining({
        municipalityId: m.id,
        actorId: null,
        actorRole: 'system',
        entity: 'user',
        entityId: idle.id,
      }),
    ]);
  });
});
