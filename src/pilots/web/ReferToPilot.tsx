import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, type Answer } from '../../web/api';
import { ErrorSummary, formText } from '../../web/ui';

type Referral = Answer<'POST /api/pilots/:id/referrals'>;

/** On the caseworker's citizen page: refer the citizen to a pilot that takes referrals. */
export function ReferToPilot({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const pilots = useQuery({
    queryKey: ['pilots'],
    queryFn: () => call('GET /api/pilots'),
  });
  const open = (pilots.data ?? []).filter(
    (p) => p.status === 'planned' || p.status === 'recruiting',
  );
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Referral | null>(null);

  async function refer(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const pilotId = formText(new FormData(e.currentTarget), 'pilot');
    setError(null);
    setDone(null);
    try {
      setDone(
        await call('POST /api/pilots/:id/referrals', {
          params: { id: pilotId },
          body: { citizenId },
        }),
      );
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="dl-card" aria-labelledby="refer-pilot">
      <h2 id="refer-pilot">{t('pilots.refer')}</h2>
      <ErrorSummary error={error ?? pilots.error} />
      {open.length === 0 ? (
        <p>{t('pilots.noOpenPilots')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void refer(e)}>
          <div className="form-group">
            <label className="form-label" htmlFor="refer-pilot-select">
              {t('pilots.referPilot')}
            </label>
            <select id="refer-pilot-select" name="pilot" className="form-select">
              {open.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t('pilots.referGo')}
          </button>
        </form>
      )}
      <p role="status">
        {done &&
          t('pilots.referDone', {
            result: done.eligible
              ? t('pilots.referEligible')
              : t('pilots.referNotEligible', {
                  rules: done.eligibility
                    .filter((r) => !r.ok)
                    .map((r) => r.rule)
                    .join(', '),
                }),
          })}
      </p>
    </section>
  );
}
