import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MaildropSender } from './maildrop';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maildrop-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the maildrop sender', () => {
  it('writes each e-mail as an .eml file, Danish letters intact, and each SMS as text', async () => {
    const sender = new MaildropSender(path.join(dir, 'new'));
    await sender.send({
      channel: 'email',
      kind: 'test',
      recipient: 'a@example.dk',
      subject: 'Invitation til Digiløft for Æblegården',
      body: 'Åbn linket: https://x.example/virksomhed/invitation#abc',
    });
    await sender.send({
      channel: 'sms',
      kind: 'test',
      recipient: '+4512345678',
      subject: 'x',
      body: 'Hej',
    });
    const files = fs.readdirSync(path.join(dir, 'new')).sort();
    expect(files.map((f) => path.extname(f))).toEqual(['.eml', '.txt']);
    const eml = fs.readFileSync(path.join(dir, 'new', files[0]!), 'utf8');
    expect(eml).toContain('To: a@example.dk\r\n');
    const subject = /Subject: =\?UTF-8\?B\?(\S+)\?=/.exec(eml)![1]!;
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe(
      'Invitation til Digiløft for Æblegården',
    );
    expect(eml).toContain('\r\n\r\nÅbn linket: https://x.example/virksomhed/invitation#abc');
    expect(fs.readFileSync(path.join(dir, 'new', files[1]!), 'utf8')).toBe(
      'To: +4512345678\n\nHej\n',
    );
  });
});
