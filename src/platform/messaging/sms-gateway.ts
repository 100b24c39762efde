// SMS through an HTTP gateway (the kind Danish municipalities buy: a JSON POST with a bearer
// token). The request: POST <url> with {"to": "+4512345678", "from": "<sender>", "text": "…"};
// any 2xx is sent. A 4xx other than 429 says the message can never go (bad number, text
// refused): PermanentSendError with the gateway's answer. 429, 5xx or no answer are retried.
import { PermanentSendError, type MessageSender, type OutgoingMessage } from './outbox';

export interface SmsGatewaySettings {
  url: string;
  token: string;
  /** The sender name shown on the phone (at most 11 letters in most networks). */
  from: string;
}

const TIMEOUT_MS = 15_000;

/** Danish numbers without a country code get +45. */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `+45${digits}`;
}

export class HttpSmsSender implements MessageSender {
  constructor(private readonly settings: SmsGatewaySettings) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== 'sms') throw new PermanentSendError('the SMS gateway sends SMS only');
    let res: Response;
    try {
      res = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.settings.token}`,
        },
        body: JSON.stringify({
          to: internationalNumber(message.recipient),
          from: this.settings.from,
          text: message.body,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new Error(`SMS gateway unreachable: ${err instanceof Error ? err.message : 'failed'}`);
    }
    if (res.ok) return;
    const reason = `${res.status} ${(await res.text().catch(() => '')).slice(0, 300)}`.trim();
    if (res.status >= 400 && res.status < 500 && res.status !== 429)
      throw new PermanentSendError(reason);
    throw new Error(reason);
  }
}
