// A sender that drops each message as a file (an .eml for e-mail, a .txt for SMS) into a folder:
// what a demo or a developer's machine uses to read what would have been sent, links included.
// A municipality's real gateways plug into the same MessageSender interface.
import fs from 'node:fs';
import path from 'node:path';
import { clock } from '../clock';
import type { MessageSender, OutgoingMessage } from './outbox';

/** An RFC 2047 encoded-word, so Danish letters survive in the Subject header. */
const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

export class MaildropSender implements MessageSender {
  private sequence = 0;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  send(message: OutgoingMessage): Promise<void> {
    const now = clock.now();
    const name = `${now.toISOString().replace(/[:.]/g, '-')}-${String(++this.sequence).padStart(4, '0')}`;
    const file =
      message.channel === 'email'
        ? [
            `To: ${message.recipient}`,
            `Subject: ${encodedWord(message.subject)}`,
            `Date: ${now.toUTCString()}`,
            'MIME-Version: 1.0',
            'Content-Type: text/plain; charset=utf-8',
            'Content-Transfer-Encoding: 8bit',
            '',
            message.body,
            '',
          ].join('\r\n')
        : `To: ${message.recipient}\n\n${message.body}\n`;
    fs.writeFileSync(
      path.join(this.dir, `${name}.${message.channel === 'email' ? 'eml' : 'txt'}`),
      file,
    );
    return Promise.resolve();
  }
}
