import { describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { MODULES } from '../modules';
import { PLATFORM_PURPOSES } from '../../platform/audit';
import { isMessageKey } from '../../platform/i18n/messages';
import da from '../../web/locales/da';
import en from '../../web/locales/en';
import { AREA_PAGES, AREA_WEB } from '../../web/areas';
import { SHARED_TEXTS } from '../../web/pages';
import { texts } from '../../web/texts';
import { createRequire } from 'node:module';
import { keyOf } from '../../platform/http/endpoint';
import { createTestApp } from '../testing/test-app';

const { areaLayers } = createRequire(import.meta.url)('../../../scripts/area-layers.cjs') as {
  areaLayers: () => string[];
};

// What each area declares in its module, checked where it meets the rest: texts in both
// languages, audit purposes the citizen's access log can name.
describe('the area modules', () => {
  it('have distinct names, and every table name once', () => {
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are listed in the layer order the boundary check enforces, each named as its folder', () => {
    expect(areaLayers()).toEqual(MODULES.map((m) => m.name));
  });

  it('declare exactly the contracts of the routes they register (the web client’s types)', async () => {
    const declared = MODULES.flatMap((m) =>
      (m.contracts ?? []).flatMap((c) => Object.values(c).map(keyOf)),
    ).sort();
    const t = await createTestApp();
    try {
      const registered = t.app
        .routeTable()
        .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'))
        // The platform's own routes (health, read-aloud speech) belong to no area.
        .filter((r) => r.url !== '/api/health' && !r.url.startsWith('/api/speech'))
        .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
        .map((r) => `${r.method} ${r.url}`)
        .sort();
      expect(declared).toEqual(registered);
    } finally {
      await t.close();
    }
  });

  it('hand no table to other areas: they call the area’s functions instead', async () => {
    for (const m of MODULES) {
      const door = (await import(`../../${m.name}/index.ts`)) as Record<string, unknown>;
      const tables = Object.entries(door).filter(([, v]) => is(v, PgTable));
      expect(
        tables.map(([k]) => k),
        m.name,
      ).toEqual([]);
    }
  });

  it('own their web pages’ texts: one owner per key (or per entry of a shared one), in both languages', () => {
    const owners = [Object.keys(da), ...AREA_PAGES.map((a) => Object.keys(a.texts?.da ?? {}))];
    const keys = owners.flat().filter((k) => !SHARED_TEXTS.includes(k));
    expect(new Set(keys).size).toBe(keys.length);
    // Merging throws on an entry of a shared registry with two owners.
    for (const lang of ['da', 'en'] as const) expect(() => texts(lang)).not.toThrow();
    expect(Object.keys(texts('en')).sort()).toEqual(Object.keys(texts('da')).sort());
    for (const shared of SHARED_TEXTS)
      expect(Object.keys(texts('en')[shared] ?? {}).sort(), shared).toEqual(
        Object.keys(texts('da')[shared] ?? {}).sort(),
      );
    for (const a of AREA_PAGES)
      expect(Object.keys(a.texts?.en ?? {})).toEqual(Object.keys(a.texts?.da ?? {}));
    expect(Object.keys(en)).toEqual(Object.keys(da));
  });

  it('pair with their web pages: a module for each area with pages, every capability given, every link leading to a page', () => {
    const names = MODULES.map((m) => m.name);
    for (const { area } of AREA_WEB) expect(names, `src/${area}/web/pages.ts`).toContain(area);
    // A capability is given by one module, which names the route whose access decides it.
    const given = MODULES.flatMap((m) => Object.keys(m.capabilities ?? {}));
    expect(new Set(given).size).toBe(given.length);
    const pattern = (path: string) => new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+')}$`);
    const appPages = AREA_PAGES.flatMap((a) => a.pages.map((p) => pattern(p.path)));
    const lightPages = MODULES.flatMap((m) => (m.pages ?? []).map((p) => pattern(p.path)));
    for (const { area, pages } of AREA_WEB) {
      for (const p of pages.pages)
        if (p.access !== 'public') expect(given, `${area}: ${p.path}`).toContain(p.access.can);
      for (const link of [...(pages.nav ?? []), ...(pages.home ?? [])]) {
        expect(given, `${area}: ${link.to}`).toContain(link.can);
        const targets = 'external' in link && link.external ? lightPages : appPages;
        expect(
          targets.some((re) => re.test(link.to)),
          `${area}: ${link.to} leads to no page`,
        ).toBe(true);
      }
    }
  });

  it('bring every text in Danish and English, registered for the server', () => {
    for (const m of MODULES.filter((x) => x.messages)) {
      expect(Object.keys(m.messages!.en).sort(), m.name).toEqual(
        Object.keys(m.messages!.da).sort(),
      );
      for (const key of Object.keys(m.messages!.da)) expect(isMessageKey(key), key).toBe(true);
    }
  });

  it('declare audit purposes the citizen’s access log names in both languages', () => {
    const purposes = [...PLATFORM_PURPOSES, ...MODULES.flatMap((m) => m.purposes ?? [])];
    expect(new Set(purposes).size).toBe(purposes.length);
    const labels = (lang: 'da' | 'en') => Object.keys(texts(lang).purposes ?? {}).sort();
    expect(labels('da')).toEqual([...purposes].sort());
    expect(labels('en')).toEqual([...purposes].sort());
  });
});
