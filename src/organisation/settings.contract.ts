// A municipality's settings for the outside world over HTTP: its mail server (with a test of the
// connection) and how its messages have fared.
import { z } from 'zod';
import { singleLine } from '../platform/http/text';
import { endpoint } from '../platform/http/endpoint';
import { access } from '../platform/http/access';
import { settingsRules } from './settings.policy';

const Security = z.enum(['tls', 'starttls', 'none']);

export const MailSettingsInput = z.object({
  enabled: z.boolean(),
  host: singleLine()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.-]+$/, 'i18n:mail_host'),
  port: z.number().int().min(1).max(65_535),
  security: Security,
  username: singleLine().max(200).nullable(),
  /** Left out: the saved password stays. Null: no password. */
  password: z.string().max(500).nullable().optional(),
  fromAddress: z.email().max(254),
  fromName: singleLine().min(1).max(120),
});
export type MailSettingsInput = z.infer<typeof MailSettingsInput>;

export const MailSettingsView = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  host: z.string(),
  port: z.number(),
  security: Security,
  username: z.string().nullable(),
  /** Whether a password is saved (it is never sent back). */
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  updatedAt: z.iso.datetime().nullable(),
});
export type MailSettingsView = z.infer<typeof MailSettingsView>;

export const ConnectionCheck = z.object({ ok: z.boolean(), reason: z.string().nullable() });

export const DeliveryView = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      channel: z.enum(['email', 'sms']),
      queued: z.number(),
      sent: z.number(),
      failed: z.number(),
      lastError: z.string().nullable(),
      lastErrorAt: z.iso.datetime().nullable(),
    }),
  ),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

const ADMIN = access.roles('admin');

export const settingsApi = {
  getMailSettings: endpoint({
    method: 'GET',
    path: '/api/settings/mail',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: ['settings'],
    description:
      'The municipality’s mail server (SMTP) for confirmations, reminders, invitations and survey links. The password is never shown.',
    response: { 200: MailSettingsView },
  }),
  putMailSettings: endpoint({
    method: 'PUT',
    path: '/api/settings/mail',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: ['settings'],
    description:
      'Sets the mail server: host, port, TLS (`tls` from the first byte, `starttls` required, `none` only for a server on the same machine), login and sender. The password is encrypted with the data key; leave it out to keep the saved one. While `enabled` is false, messages go to the default sender.',
    body: MailSettingsInput,
    response: { 200: MailSettingsView },
  }),
  checkMailSettings: endpoint({
    method: 'POST',
    path: '/api/settings/mail/check',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: ['settings'],
    description:
      'Connects to the saved mail server, says hello and logs in, without sending anything: `ok`, or the server’s reason.',
    response: { 200: ConnectionCheck },
  }),
  delivery: endpoint({
    method: 'GET',
    path: '/api/settings/delivery',
    access: ADMIN,
    governedBy: settingsRules('manage'),
    tags: ['settings'],
    description:
      'How the municipality’s messages have fared, per kind and channel: waiting, sent, failed, and the newest reason a server gave.',
    response: { 200: DeliveryView },
  }),
};
