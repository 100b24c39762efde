import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { auditActor } from '../audit';
import { unauthenticated } from '../errors';
import type { UseCase } from '../use-case';

/** Runs a use case for an authenticated request in one transaction. */
export function inTransaction<T>(
  db: Db,
  request: FastifyRequest,
  run: (uc: UseCase) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw unauthenticated();
  const audit = auditActor(request);
  return db.transaction((tx) => run({ tx, actor, audit }));
}
