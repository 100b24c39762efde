import { describe, expect, it } from 'vitest';
import { keyOf, pathWith, queryString } from './endpoint';
import { pilotsApi } from '../../pilots/pilots.contract';

describe('endpoint paths', () => {
  it('fills path parameters, encoded', () => {
    expect(pathWith('/api/pilots/:id/partners/:partnerId', { id: 'a b', partnerId: 'x/y' })).toBe(
      '/api/pilots/a%20b/partners/x%2Fy',
    );
    expect(pathWith('/api/workshops/:id/stats', { id: 7 })).toBe('/api/workshops/7/stats');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => pathWith('/api/pilots/:id', {})).toThrow(/Missing path parameter id/);
    expect(() => pathWith('/api/pilots/:id', { id: null })).toThrow(/id/);
  });

  it('writes a query, leaving out what is not given', () => {
    expect(queryString({ q: 'Ånd & co', vulnerable: undefined, weeks: 12 })).toBe(
      '?q=%C3%85nd+%26+co&weeks=12',
    );
    expect(queryString({ role: ['ementor', 'admin'] })).toBe('?role=ementor&role=admin');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });

  it('names an endpoint by method and path, as the server registers it', () => {
    expect(keyOf(pilotsApi.getPilot)).toBe('GET /api/pilots/:id');
  });
});
