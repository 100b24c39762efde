import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, href } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, formatDateTime } from '../../web/ui';
import { LineChart } from '../../web/charts';
import { digcompTitle } from '../digcomp.model';
import { langOf, reasonText, statusText } from './texts';

const AREAS = ['1', '2', '3', '4', '5'];

/** The citizen's own plan on their phone: suggestions to answer, courses, progress, badges. */
export default function MyPlanPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const view = useQuery({
    queryKey: ['my-learning'],
    queryFn: () => call('GET /api/me/learning'),
  });
  const [error, setError] = useState<unknown>(null);
  const lang = langOf(i18n.language);

  async function run(request: () => Promise<unknown>) {
    setError(null);
    try {
      await request();
      await qc.invalidateQueries({ queryKey: ['my-learning'] });
    } catch (err) {
      setError(err);
    }
  }

  if (view.isPending) return <Loading />;
  const v = view.data;
  if (!v) return <ErrorSummary error={view.error} />;
  const plan = v.plan;
  return (
    <div className="dl-narrow">
      <PageTitle>{t('myPlan.title')}</PageTitle>
      <p>{t('myPlan.intro')}</p>
      <ErrorSummary error={error} />

      <section aria-labelledby="my-suggestions">
        <h2 id="my-suggestions">{t('myPlan.suggestions')}</h2>
        {!plan ? (
          <p>{t('myPlan.none')}</p>
        ) : (
          <>
            <p>{t('myPlan.goal', { goal: plan.occupationLabel })}</p>
            <ol className="dl-links">
              {plan.items.map((i) => (
                <li key={i.id} className="dl-card">
                  <h3 className="h5">
                    {i.kind === 'offer' || i.kind === 'pilot'
                      ? i.title
                      : t(`learning.plan.kinds.${i.kind}`)}
                  </h3>
                  <p className="form-hint">{t('myPlan.why')}:</p>
                  <ul>
                    {i.reasons.map((r, k) => (
                      <li key={k}>{reasonText(t, r, i18n.language)}</li>
                    ))}
                  </ul>
                  {i.status === 'proposed' ? (
                    <div className="dl-toolbar">
                      <button
                        type="button"
                        className="button button-primary"
                        onClick={() =>
                          void run(() =>
                            call('POST /api/me/learning/items/:id/decision', {
                              params: { id: i.id },
                              body: {
                                decision: 'accepted',
                              },
                            }),
                          )
                        }
                      >
                        {t('myPlan.accept')}
                        <span className="sr-only">: {i.title}</span>
                      </button>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() =>
                          void run(() =>
                            call('POST /api/me/learning/items/:id/decision', {
                              params: { id: i.id },
                              body: {
                                decision: 'declined',
                              },
                            }),
                          )
                        }
                      >
                        {t('myPlan.decline')}
                        <span className="sr-only">: {i.title}</span>
                      </button>
                    </div>
                  ) : (
                    <p>
                      <strong>{t(`myPlan.${i.status}`)}</strong>
                    </p>
                  )}
                </li>
              ))}
            </ol>
            <p className="form-hint">{plan.attribution}</p>
          </>
        )}
      </section>

      <section aria-labelledby="my-places">
        <h2 id="my-places">{t('myPlan.places')}</h2>
        {v.enrolments.length === 0 ? (
          <p>{t('myPlan.noPlaces')}</p>
        ) : (
          <ul className="dl-links">
            {v.enrolments.map((e) => (
              <li key={e.id} className="dl-card">
                <h3 className="h5">{e.offerName}</h3>
                <p>
                  <strong>{statusText(t, e)}</strong>
                </p>
                {e.sessions.length > 0 && (
                  <ul>
                    {e.sessions.map((s) => (
                      <li key={s.id}>
                        {formatDateTime(s.startsAt, i18n.language)}
                        {s.place && `, ${s.place}`}
                      </li>
                    ))}
                  </ul>
                )}
                {e.permissions.cancel && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() =>
                      void run(() =>
                        call('POST /api/learning/enrolments/:id/cancel', {
                          params: { id: e.id },
                          body: {
                            reason: t('learning.cancelDefault'),
                          },
                        }),
                      )
                    }
                  >
                    {t('myPlan.cancel')}
                    <span className="sr-only">: {e.offerName}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="my-progress">
        <h2 id="my-progress">{t('myPlan.progress')}</h2>
        {v.progress.length === 0 ? (
          <p>
            {t('myPlan.progressNone')} <a href="/test">{t('home.takeTest')}</a>
          </p>
        ) : (
          <LineChart
            title={t('myPlan.progressChart')}
            description={t('myPlan.progressDesc')}
            labels={v.progress.map(
              (p, n) =>
                `${t('myPlan.testN', { n: n + 1 })} (${new Date(p.completedAt).toLocaleDateString(i18n.language)})`,
            )}
            series={AREAS.map((a) => ({
              name: digcompTitle(a, lang),
              values: v.progress.map((p) => p.areas.find((x) => x.area === a)?.level ?? null),
            }))}
            tableLabel={t('learningStats.showNumbers', { chart: t('myPlan.progressChart') })}
            max={6}
          />
        )}
      </section>

      <section aria-labelledby="my-badges">
        <h2 id="my-badges">{t('myPlan.badges')}</h2>
        <p>{t('myPlan.badgesIntro')}</p>
        {v.claimable.length > 0 && (
          <>
            <p>{t('myPlan.claimIntro')}</p>
            <div className="dl-toolbar">
              {v.claimable.map((c) => (
                <button
                  key={c.area}
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    void run(() => call('POST /api/me/badges/claim', { body: { area: c.area } }))
                  }
                >
                  {t('myPlan.claim', { area: digcompTitle(c.area, lang), level: c.level })}
                </button>
              ))}
            </div>
          </>
        )}
        {v.badges.length === 0 ? (
          <p>{t('myPlan.noBadges')}</p>
        ) : (
          <ul className="dl-links">
            {v.badges.map((b) => (
              <li key={b.id} className="dl-card">
                <h3 className="h5">{b.name}</h3>
                <p>
                  {t('learning.plan.issued', { date: formatDateTime(b.issuedAt, i18n.language) })}
                </p>
                {b.revokedAt ? (
                  <p>
                    <strong>
                      {b.testWithdrawn ? t('myPlan.testWithdrawn') : t('myPlan.revoked')}
                    </strong>
                  </p>
                ) : (
                  <ul>
                    <li>
                      <a
                        href={href('GET /api/me/badges/:id/credential', { params: { id: b.id } })}
                        download
                      >
                        {t('myPlan.download')}
                        <span className="sr-only">: {b.name}</span>
                      </a>
                    </li>
                    <li className="dl-break">
                      {t('myPlan.shareLink')}{' '}
                      <a
                        href={`/badges/tjek?id=${b.id}`}
                      >{`${location.origin}/badges/tjek?id=${b.id}`}</a>
                    </li>
                    <li>
                      <a
                        href={href('GET /api/me/badges/:id/certificate', { params: { id: b.id } })}
                        download
                      >
                        {t('myPlan.certificate')}
                        <span className="sr-only">: {b.name}</span>
                      </a>
                    </li>
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/badges/tjek">{t('myPlan.verifyLink')}</Link>
        </p>
      </section>
    </div>
  );
}
