import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, TableWrap } from '../../web/ui';
import type { CalibrationView, ItemAdminView, ItemUpdateInput } from '../assessment-admin.contract';

type LanguageDif = CalibrationView['result']['dif'][number];

const fmt = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));
const ORDER = { C: 0, B: 1, A: 2 } as const;

/**
 * A calibration run's differential item functioning, one language against Danish: the items
 * judged B or C (C first), and for a C item the choice to keep it out of that language's tests.
 */
export function DifReport({
  runId,
  dif,
  items,
}: {
  runId: string;
  dif: LanguageDif[];
  items: ItemAdminView[];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const retiredIn = new Map(items.map((i) => [i.id, i.retiredLanguages]));
  async function setRetired(itemId: string, languages: string[]) {
    setError(null);
    try {
      await call('PATCH /api/assessment/items/:id', {
        params: { id: itemId },
        // The report's languages are the tests' own, which the contract lists.
        body: { retiredLanguages: languages as NonNullable<ItemUpdateInput['retiredLanguages']> },
      });
      await qc.invalidateQueries({ queryKey: ['test-items'] });
    } catch (err) {
      setError(err);
    }
  }
  const name = (language: string) => t(`common.languages.${language}`, language);
  if (dif.length === 0) return <p className="dl-meta">{t('testAdmin.dif.noLanguages')}</p>;
  return (
    <>
      <ErrorSummary error={error} />
      {dif.map((d) => {
        const judged = d.items.filter((i) => i.etsClass !== null);
        const flagged = judged
          .filter((i) => i.etsClass !== 'A')
          .sort(
            (x, y) =>
              ORDER[x.etsClass!] - ORDER[y.etsClass!] ||
              Math.abs(y.deltaDif ?? 0) - Math.abs(x.deltaDif ?? 0),
          );
        const title = t('testAdmin.dif.title', { language: name(d.language) });
        return (
          <section key={d.language} aria-label={title}>
            <h4>{title}</h4>
            <p className="dl-meta">
              {t('testAdmin.dif.summary', {
                tests: d.tests,
                reference: d.referenceTests,
                judged: judged.length,
                unjudged: d.items.length - judged.length,
                c: flagged.filter((i) => i.etsClass === 'C').length,
                b: flagged.filter((i) => i.etsClass === 'B').length,
              })}
            </p>
            {flagged.length > 0 && (
              <TableWrap label={title}>
                <table className="table table--compact">
                  <caption className="sr-only">{title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('testAdmin.item')}</th>
                      <th scope="col">
                        {t('testAdmin.dif.answers', { language: name(d.language) })}
                      </th>
                      <th scope="col">{t('testAdmin.dif.delta')}</th>
                      <th scope="col">p</th>
                      <th scope="col">{t('testAdmin.dif.class')}</th>
                      <th scope="col">{t('testAdmin.dif.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {flagged.map((i) => {
                      const retired = retiredIn.get(i.itemId) ?? [];
                      const isOut = retired.includes(d.language);
                      return (
                        <tr key={`${runId}-${d.language}-${i.itemId}`}>
                          <td>{i.key}</td>
                          <td>
                            {i.reference} / {i.focal}
                          </td>
                          <td>
                            {fmt(i.deltaDif)} ({fmt(i.se)})
                          </td>
                          <td>{fmt(i.p, 3)}</td>
                          <td>
                            <strong>{i.etsClass}</strong>{' '}
                            <span className="dl-meta">
                              {t(`testAdmin.dif.classText.${i.etsClass!}`)}
                            </span>
                          </td>
                          <td>
                            {isOut ? (
                              <>
                                <span>
                                  {t('testAdmin.dif.isOut', { language: name(d.language) })}
                                </span>{' '}
                                <button
                                  type="button"
                                  className="button button-secondary"
                                  onClick={() =>
                                    void setRetired(
                                      i.itemId,
                                      retired.filter((l) => l !== d.language),
                                    )
                                  }
                                >
                                  {t('testAdmin.dif.restore', { item: i.key })}
                                </button>
                              </>
                            ) : i.etsClass === 'C' ? (
                              <button
                                type="button"
                                className="button button-secondary"
                                onClick={() => void setRetired(i.itemId, [...retired, d.language])}
                              >
                                {t('testAdmin.dif.retire', {
                                  item: i.key,
                                  language: name(d.language),
                                })}
                              </button>
                            ) : (
                              t('common.none')
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        );
      })}
    </>
  );
}
