// The sign-in records' retention, run by the system on a timer.
import { lt } from 'drizzle-orm';
import { writeSystemAudit } from '../../platform/audit';
import type { SystemTask } from '../../platform/use-case';
import { WINDOW_MINUTES } from '../../platform/auth/throttle.model';
import { loginAttempts } from './auth.schema';
import { purgeExpiredSessions } from './session.store';

/**
 * Ends sessions that expired or went idle (each end audited in its user's municipality) and
 * deletes login attempts older than the throttle looks back. The attempts are not audited one
 * by one: they hold a keyed hash and an address, tied to no user or municipality.
 */
export async function endExpiredSessions(task: SystemTask, idleMinutes: number) {
  const ended = await purgeExpiredSessions(task.tx, idleMinutes, task.now);
  await writeSystemAudit(
    task.tx,
    ended.map((s) => ({
      municipalityId: s.municipalityId,
      action: 'session.expire',
      entity: 'user',
      entityId: s.userId,
      purpose: 'system' as const,
    })),
  );
  const keepFrom = new Date(task.now.getTime() - Math.max(WINDOW_MINUTES * 4, 24 * 60) * 60_000);
  const attempts = await task.tx
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, keepFrom))
    .returning({ id: loginAttempts.id });
  return { sessions: ended.length, loginAttempts: attempts.length };
}
