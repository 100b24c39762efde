import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { SERVER_LOG } from './server-log';

// Runs last (files run in name order on one worker): the server has by now handled every
// journey, including creating and looking up citizens by CPR number.
test('the server log of the whole browser run holds no CPR number', () => {
  const log = fs.readFileSync(SERVER_LOG, 'utf8');
  expect(log).toContain('/api/citizens');
  const withoutIds = log.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
    '<uuid>',
  );
  for (const cpr of ['750190-1234', '7501901234', '320190-1234', '3201901234'])
    expect(withoutIds).not.toContain(cpr);
  const cprLike = /(?<!\d)\d{6}-?\d{4}(?!\d)/;
  const suspicious = withoutIds
    .split('\n')
    .filter((line) => cprLike.test(line.replace(/"time":\d+/, '').replace(/\d+\.\d+/g, '<n>')));
  expect(suspicious).toEqual([]);
});
