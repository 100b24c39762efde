// Which sender a municipality's messages go out through: e-mail through its own mail server when
// it has one switched on, else the default (a maildrop folder or the log); SMS through the
// installation's HTTP gateway when one is set. Senders are kept per
// municipality until its settings change, so a batch opens one connection, not one per message.
import type { CprCipher } from '../platform/crypto/cpr-cipher';
import type { MessageSender, SenderFor } from '../platform/messaging/outbox';
import { SmtpSender } from '../platform/messaging/smtp';
import { findMailSettings } from './organisation.store';
import { smtpSettingsOf } from './settings.use-cases';

export function mailSenderFor(
  cipher: CprCipher,
  fallback: MessageSender,
  sms: MessageSender = fallback,
): SenderFor {
  const kept = new Map<string, { stamp: number; sender: SmtpSender }>();
  return async (municipalityId, channel, tx) => {
    if (channel === 'sms') return sms;
    const row = await findMailSettings(tx, municipalityId);
    const had = kept.get(municipalityId);
    if (!row?.enabled) {
      had?.sender.close();
      kept.delete(municipalityId);
      return fallback;
    }
    const stamp = row.updatedAt.getTime();
    if (had?.stamp === stamp) return had.sender;
    had?.sender.close();
    const sender = new SmtpSender(smtpSettingsOf(row, cipher));
    kept.set(municipalityId, { stamp, sender });
    return sender;
  };
}
