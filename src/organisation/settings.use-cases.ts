// A municipality's connections to the outside world, set by its admins: the mail server its
// messages go out through (password encrypted with the data key), a test of it, and how the
// messages have fared.
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { UseCase } from '../platform/use-case';
import { writeAudit } from '../platform/audit';
import { authorize } from '../platform/policy';
import { invalid } from '../platform/errors';
import { deliveryStatus } from '../platform/messaging/outbox';
import { checkSmtp, type SmtpSettings } from '../platform/messaging/smtp';
import { findMailSettings, saveMailSettings, type MailSettingsRow } from './organisation.store';
import { settingsPolicy } from './settings.policy';
import type { DeliveryView, MailSettingsInput, MailSettingsView } from './settings.contract';

const here = (uc: UseCase) => ({ municipalityId: uc.actor.municipalityId });

function present(row: MailSettingsRow | null): MailSettingsView {
  if (!row)
    return {
      configured: false,
      enabled: false,
      host: '',
      port: 587,
      security: 'starttls',
      username: null,
      hasPassword: false,
      fromAddress: '',
      fromName: '',
      updatedAt: null,
    };
  return {
    configured: true,
    enabled: row.enabled,
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    hasPassword: row.passwordCipher !== null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The settings as the sender needs them, the password decrypted. */
export function smtpSettingsOf(row: MailSettingsRow, cipher: CprCipher): SmtpSettings {
  return {
    host: row.host,
    port: row.port,
    security: row.security,
    username: row.username,
    password: row.passwordCipher ? cipher.decrypt(row.passwordCipher) : null,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
  };
}

export async function readMailSettings(uc: UseCase): Promise<MailSettingsView> {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  return present(await findMailSettings(uc.tx, uc.actor.municipalityId));
}

export async function setMailSettings(
  uc: UseCase,
  cipher: CprCipher,
  input: MailSettingsInput,
): Promise<MailSettingsView> {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  const m = uc.actor.municipalityId;
  const before = await findMailSettings(uc.tx, m);
  const passwordCipher =
    input.password === undefined
      ? (before?.passwordCipher ?? null)
      : input.password === null || input.password === ''
        ? null
        : cipher.encrypt(input.password);
  const username = input.username?.trim() || null;
  if (passwordCipher !== null && username === null) throw invalid('mail_password_without_user');
  const row = await saveMailSettings(uc.tx, {
    municipalityId: m,
    enabled: input.enabled,
    host: input.host.trim(),
    port: input.port,
    security: input.security,
    username,
    passwordCipher,
    fromAddress: input.fromAddress.trim(),
    fromName: input.fromName.trim(),
    updatedBy: uc.actor.userId,
  });
  await writeAudit(uc.tx, uc.audit, {
    action: 'settings.mail.set',
    entity: 'municipality',
    entityId: m,
    purpose: 'administration',
    // What changed, never the password.
    details: {
      enabled: row.enabled,
      host: row.host,
      port: row.port,
      security: row.security,
      passwordChanged: input.password !== undefined,
    },
  });
  return present(row);
}

export async function checkMailSettings(uc: UseCase, cipher: CprCipher) {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  const row = await findMailSettings(uc.tx, uc.actor.municipalityId);
  if (!row) throw invalid('mail_not_configured');
  const result = await checkSmtp(smtpSettingsOf(row, cipher));
  await writeAudit(uc.tx, uc.audit, {
    action: 'settings.mail.check',
    entity: 'municipality',
    entityId: uc.actor.municipalityId,
    purpose: 'administration',
    details: { ok: result.ok },
  });
  return result.ok ? { ok: true, reason: null } : { ok: false, reason: result.reason };
}

export async function deliveryView(uc: UseCase): Promise<DeliveryView> {
  authorize(settingsPolicy, uc.actor, 'manage', here(uc));
  const kinds = await deliveryStatus(uc.tx, uc.actor.municipalityId);
  return {
    kinds: kinds.map((k) => ({ ...k, lastErrorAt: k.lastErrorAt?.toISOString() ?? null })),
  };
}
