import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../platform/http/access';
import { DomainError, notFound } from '../platform/errors';
import { permissionsFor } from '../platform/policy';
import { auditActor, listAuditForCitizen, writeAudit } from '../platform/audit';
import type { Actor } from '../platform/auth/roles';
import type { DbOrTx } from '../platform/db/client';
import { findMunicipality, findUser, IdParams } from '../organisation';
import { CPR_PATTERN, maskCpr, parseCpr } from './cpr';
import {
  AuditEntryView,
  AuditExportQuery,
  CitizenCreateInput,
  CitizenListItem,
  CitizenListQuery,
  CitizenSelfView,
  CitizenUpdateInput,
  CitizenView,
  CprLookupInput,
  CprLookupView,
  NoteInput,
  VulnerabilityInput,
} from './people.contract';
import { citizenPolicy } from './people.policy';
import {
  caseworkerName,
  findCitizenByCprHash,
  insertNote,
  listCaseload,
  listNotes,
  updateCitizen,
  type CitizenRow,
} from './people.store';
import { CprUnavailable, createCitizen } from './create-citizen';
import { CSV_CONTENT_TYPE, csvDialect, toCsv } from '../platform/csv';
import { loadAuthorized, loadSelf } from './load-citizen';
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import { clock } from '../platform/clock';

const caseworker = access.roles('caseworker');
const citizenOnly = access.roles('citizen');
const personal = true;

async function selfView(db: DbOrTx, cipher: CprCipher, c: CitizenRow): Promise<CitizenSelfView> {
  return {
    id: c.id,
    cprMasked: maskCpr(cipher.decrypt(c.cprCipher)),
    birthDate: c.birthDate,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    address: c.address,
    postalCode: c.postalCode,
    city: c.city,
    employmentGoal: c.employmentGoal,
    educationLevel: c.educationLevel,
    caseworker: await caseworkerName(db, c.caseworkerId),
    digitallyVulnerable: c.digitallyVulnerable,
    vulnerableReason: c.vulnerableReason,
    vulnerableFlaggedAt: c.vulnerableFlaggedAt?.toISOString() ?? null,
  };
}

async function fullView(
  db: DbOrTx,
  cipher: CprCipher,
  actor: Actor,
  c: CitizenRow,
): Promise<CitizenView> {
  const notes = await listNotes(db, c.municipalityId, c.id);
  return {
    ...(await selfView(db, cipher, c)),
    notes: notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    permissions: permissionsFor(citizenPolicy, actor, c, ['update', 'flagVulnerable', 'addNote']),
  };
}

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/api/citizens',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        querystring: CitizenListQuery,
        response: { 200: z.array(CitizenListItem) },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const { q, vulnerable } = request.query;
      // CPR numbers never travel in URLs; the client uses POST /api/citizens/lookup for them.
      if (q && CPR_PATTERN.test(q)) throw new DomainError('invalid', 'cpr_in_url', 'cpr_in_url');
      return ctx.db.transaction(async (tx) => {
        const rows = await listCaseload(
          tx,
          { municipalityId: actor.municipalityId, caseworkerId: actor.userId },
          { q, vulnerable: vulnerable === undefined ? undefined : vulnerable === 'true' },
        );
        await writeAudit(tx, auditActor(request), {
          action: 'citizen.list',
          entity: 'caseload',
          purpose: 'case_management',
          details: { count: rows.length, search: q ? true : false },
        });
        return rows.map((c) => ({
          id: c.id,
          cprMasked: maskCpr(ctx.cipher.decrypt(c.cprCipher)),
          firstName: c.firstName,
          lastName: c.lastName,
          employmentGoal: c.employmentGoal,
          digitallyVulnerable: c.digitallyVulnerable,
        }));
      });
    },
  );

  app.post(
    '/api/citizens/lookup',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['people'], body: CprLookupInput, response: { 200: CprLookupView } },
    },
    async (request) => {
      const actor = request.actor!;
      const m = await findMunicipality(ctx.db, actor.municipalityId);
      const parsed = parseCpr(request.body.cpr, {
        allowFictitious: m?.allowFictitiousCpr ?? false,
      });
      if (!parsed.ok) {
        throw new DomainError(
          'invalid',
          `cpr_${parsed.problem}`,
          parsed.problem === 'format' ? 'cpr_format' : 'cpr_date',
        );
      }
      return ctx.db.transaction(async (tx) => {
        const c = await findCitizenByCprHash(
          tx,
          actor.municipalityId,
          ctx.cipher.hash(`cpr:${parsed.cpr.digits}`),
        );
        if (!c || !citizenPolicy.read(actor, c)) throw notFound();
        await writeAudit(tx, auditActor(request), {
          action: 'citizen.lookup',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'case_management',
        });
        return { id: c.id };
      });
    },
  );

  app.post(
    '/api/citizens',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['people'], body: CitizenCreateInput, response: { 201: CitizenView } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      try {
        const view = await ctx.db.transaction(async (tx) => {
          const row = await createCitizen(
            {
              tx,
              cipher: ctx.cipher,
              actor: auditActor(request),
              maySee: (c) => citizenPolicy.read(actor, c),
            },
            request.body,
          );
          return fullView(tx, ctx.cipher, actor, row);
        });
        return reply.code(201).send(view);
      } catch (err) {
        // Trying to create a citizen one may not see is a lookup of them: it stays on their
        // access log, though the answer says nothing about whom it concerned.
        if (err instanceof CprUnavailable)
          await writeAudit(ctx.db, auditActor(request), {
            action: 'citizen.create_refused',
            entity: 'citizen',
            entityId: err.existingId,
            citizenId: err.existingId,
            purpose: 'case_management',
          });
        throw err;
      }
    },
  );

  app.get(
    '/api/citizens/:id',
    {
      config: { access: caseworker, personalData: personal },
      schema: { tags: ['people'], params: IdParams, response: { 200: CitizenView } },
    },
    async (request) => {
      const actor = request.actor!;
      return ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, request.params.id, 'read');
        await writeAudit(tx, auditActor(request), {
          action: 'citizen.read',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'case_management',
        });
        return fullView(tx, ctx.cipher, actor, c);
      });
    },
  );

  app.patch(
    '/api/citizens/:id',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: CitizenUpdateInput,
        response: { 200: CitizenView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const input = request.body;
      return ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, request.params.id, 'update');
        if (input.caseworkerId) {
          const cw = await findUser(tx, actor.municipalityId, input.caseworkerId);
          if (!cw || !cw.active || !cw.roles.includes('caseworker')) {
            throw new DomainError('invalid', 'caseworker_invalid', 'caseworker_invalid');
          }
        }
        const changes = Object.fromEntries(
          Object.entries(input).filter(([, v]) => v !== undefined),
        );
        const updated = await updateCitizen(tx, actor.municipalityId, c.id, changes);
        await writeAudit(tx, auditActor(request), {
          action: 'citizen.update',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'case_management',
          details: { fields: Object.keys(changes) },
        });
        // After a hand-over the caseworker no longer sees the record; answer with what they sent.
        return fullView(tx, ctx.cipher, actor, updated);
      });
    },
  );

  app.post(
    '/api/citizens/:id/vulnerability',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: VulnerabilityInput,
        response: { 200: CitizenView },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const input = request.body;
      return ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, request.params.id, 'flagVulnerable');
        const updated = await updateCitizen(
          tx,
          actor.municipalityId,
          c.id,
          input.vulnerable
            ? {
                digitallyVulnerable: true,
                vulnerableReason: input.reason,
                vulnerableFlaggedAt: clock.now(),
                vulnerableFlaggedBy: actor.userId,
              }
            : {
                digitallyVulnerable: false,
                vulnerableReason: null,
                vulnerableFlaggedAt: null,
                vulnerableFlaggedBy: null,
              },
        );
        await writeAudit(tx, auditActor(request), {
          action: input.vulnerable ? 'citizen.flag_vulnerable' : 'citizen.unflag_vulnerable',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'case_management',
        });
        return fullView(tx, ctx.cipher, actor, updated);
      });
    },
  );

  app.post(
    '/api/citizens/:id/notes',
    {
      config: { access: caseworker, personalData: personal },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: NoteInput,
        response: { 201: CitizenView },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const view = await ctx.db.transaction(async (tx) => {
        const c = await loadAuthorized(tx, actor, request.params.id, 'addNote');
        const note = await insertNote(tx, {
          municipalityId: actor.municipalityId,
          citizenId: c.id,
          authorId: actor.userId,
          body: request.body.body,
        });
        await writeAudit(tx, auditActor(request), {
          action: 'citizen.note.create',
          entity: 'citizen_note',
          entityId: note.id,
          citizenId: c.id,
          purpose: 'case_management',
        });
        return fullView(tx, ctx.cipher, actor, c);
      });
      return reply.code(201).send(view);
    },
  );

  // The citizen's own data (GDPR art. 15).

  app.get(
    '/api/me/citizen',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], response: { 200: CitizenSelfView } },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const c = await loadSelf(tx, request.actor!);
        await writeAudit(tx, auditActor(request), {
          action: 'citizen.read',
          entity: 'citizen',
          entityId: c.id,
          citizenId: c.id,
          purpose: 'self_access',
        });
        return selfView(tx, ctx.cipher, c);
      }),
  );

  async function auditView(tx: DbOrTx, actor: Actor, c: CitizenRow): Promise<AuditEntryView[]> {
    const m = await findMunicipality(tx, c.municipalityId);
    const rows = await listAuditForCitizen(tx, c.municipalityId, c.id);
    return rows.map((r) => ({
      at: r.at.toISOString(),
      action: r.action,
      purpose: r.purpose,
      actorRole: r.actorRole,
      self: r.actorId === actor.userId,
      organisation: m?.name ?? '',
    }));
  }

  app.get(
    '/api/me/audit',
    {
      config: { access: citizenOnly, personalData: personal },
      schema: { tags: ['me'], response: { 200: z.array(AuditEntryView) } },
    },
    async (request) =>
      ctx.db.transaction(async (tx) => {
        const actor = request.actor!;
        const c = await loadSelf(tx, actor);
        const entries = await auditView(tx, actor, c);
        await writeAudit(tx, auditActor(request), {
          action: 'audit.read',
          entity: 'audit_log',
          citizenId: c.id,
          purpose: 'self_access',
        });
        return entries;
      }),
  );

  app.get(
    '/api/me/audit/export',
    {
      config: {
        produces: ['application/json', 'text/csv'],
        access: citizenOnly,
        personalData: personal,
      },
      schema: { tags: ['me'], querystring: AuditExportQuery },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const entries = await ctx.db.transaction(async (tx) => {
        const c = await loadSelf(tx, actor);
        const list = await auditView(tx, actor, c);
        await writeAudit(tx, auditActor(request), {
          action: 'audit.export',
          entity: 'audit_log',
          citizenId: c.id,
          purpose: 'self_access',
          details: { format: request.query.format },
        });
        return list;
      });
      const stamp = clock.now().toISOString().slice(0, 10);
      const format = request.query.format;
      if (format !== 'json') {
        const header = ['tidspunkt', 'handling', 'formaal', 'rolle', 'myndighed', 'dig_selv'];
        const rows = entries.map((e) => [
          e.at,
          e.action,
          e.purpose,
          e.actorRole,
          e.organisation,
          e.self ? 'ja' : 'nej',
        ]);
        const dialect = csvDialect(format === 'csv' ? 'excel' : 'rfc4180', request.lang);
        return reply
          .header('content-type', CSV_CONTENT_TYPE)
          .header('content-disposition', `attachment; filename="digiloft-opslag-${stamp}.csv"`)
          .send(toCsv(header, rows, dialect));
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="digiloft-opslag-${stamp}.json"`)
        .send(JSON.stringify({ exportedAt: clock.now().toISOString(), entries }, null, 2));
    },
  );
};
