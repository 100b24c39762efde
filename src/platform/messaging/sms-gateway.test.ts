import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentSendError, type OutgoingMessage } from './outbox';
import { HttpSmsSender, internationalNumber } from './sms-gateway';

// A gateway on 127.0.0.1 that answers like a real one: it wants the token, refuses a number it
// cannot reach, and is busy now and then.
const got: { auth: string | undefined; body: Record<string, string> }[] = [];
let url: string;
const server = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    const body = JSON.parse(raw) as Record<string, string>;
    got.push({ auth: req.headers.authorization, body });
    if (req.headers.authorization !== 'Bearer hemmelig') return res.writeHead(401).end('bad token');
    if (body.to === '+4520000000') return res.writeHead(422).end('number not in service');
    if (body.to === '+4530000000') return res.writeHead(503).end('busy');
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"1"}');
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sms = (recipient: string): OutgoingMessage => ({
  channel: 'sms',
  kind: 'appointment_reminder',
  recipient,
  subject: '',
  body: 'Husk din tid i værkstedet i morgen kl. 10.00.',
});

describe('SMS through an HTTP gateway', () => {
  it('posts the text with the token, the number in international form and the sender name', async () => {
    await new HttpSmsSender({ url, token: 'hemmelig', from: 'Jobcenter' }).send(sms('12 34 56 78'));
    expect(got.at(-1)).toEqual({
      auth: 'Bearer hemmelig',
      body: {
        to: '+4512345678',
        from: 'Jobcenter',
        text: 'Husk din tid i værkstedet i morgen kl. 10.00.',
      },
    });
  });

  it('calls a refused number permanent and a busy or unreachable gateway a retry', async () => {
    const sender = new HttpSmsSender({ url, token: 'hemmelig', from: 'Jobcenter' });
    const refused = await sender.send(sms('20000000')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermanentSendError);
    expect((refused as Error).message).toBe('422 number not in service');
    const busy = await sender.send(sms('30000000')).catch((e: unknown) => e);
    expect(busy).not.toBeInstanceOf(PermanentSendError);
    expect((busy as Error).message).toBe('503 busy');
    const away = new HttpSmsSender({ url: 'http://127.0.0.1:1/sms', token: 'x', from: 'J' });
    const down = await away.send(sms('12345678')).catch((e: unknown) => e);
    expect(down).not.toBeInstanceOf(PermanentSendError);
    expect((down as Error).message).toMatch(/unreachable/);
  });

  it('writes numbers the international way', () => {
    expect(internationalNumber('+46 70 123 45 67')).toBe('+46701234567');
    expect(internationalNumber('0045 12345678')).toBe('+4512345678');
    expect(internationalNumber('12-34-56-78')).toBe('+4512345678');
  });
});
