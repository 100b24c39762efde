import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../learning.contract';
import { call } from '../../web/api';
import { ErrorSummary, HeadRow, TableWrap, formatDateTime, textList } from '../../web/ui';
import { EnrolmentCard } from './Enrolment';
import { competenceLabel, reasonText } from './texts';

type Item = PlanView['items'][number];

/** On the caseworker's citizen page: the job goal, the learning plan, places and badges. */
export function LearningSection({ citizenId }: { citizenId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['learning', citizenId];
  const view = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/citizens/:id/learning', { params: { id: citizenId } }),
  });
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<unknown>(null);
  const found = useQuery({
    queryKey: ['esco', q],
    queryFn: () => call('GET /api/esco/occupations', { query: { q } }),
    enabled: q.trim().length >= 2,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });

  async function run(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      await refresh();
    } catch (err) {
      setError(err);
    }
  }

  const build = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      call('POST /api/citizens/:id/learning/plan', {
        params: { id: citizenId },
        body: { occupationId: picked },
      }),
    );
  };

  const v = view.data;
  const plan = v?.plan;
  // What local companies' open roles for the job goal ask, beside ESCO's requirements.
  const local = useQuery({
    queryKey: ['local-demand', plan?.occupationId],
    queryFn: () => call('GET /api/demand/occupations/:id', { params: { id: plan!.occupationId } }),
    enabled: plan !== undefined && plan !== null,
  });
  const live = new Set(
    (v?.enrolments ?? [])
      .filter((e) => e.status === 'enrolled' || e.status === 'waitlisted')
      .map((e) => e.offerId),
  );
  const titleOf = (i: Item) =>
    i.kind === 'offer' || i.kind === 'pilot' ? i.title : t(`learning.plan.kinds.${i.kind}`);

  return (
    <section className="dl-card" aria-labelledby="learning-plan">
      <h2 id="learning-plan">{t('learning.plan.title')}</h2>
      <p>{t('learning.plan.intro')}</p>
      <ErrorSummary error={error ?? view.error} />
      <form noValidate onSubmit={build}>
        <div className="form-group">
          <label className="form-label" htmlFor="job-goal-q">
            {t('learning.plan.jobGoal')}
          </label>
          <span className="form-hint" id="job-goal-hint">
            {t('learning.plan.jobGoalHint')}
          </span>
          <input
            id="job-goal-q"
            className="form-input"
            aria-describedby="job-goal-hint"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPicked('');
            }}
          />
        </div>
        {q.trim().length >= 2 && found.data && (
          <fieldset className="form-group">
            <legend className="form-label">{t('learning.plan.results')}</legend>
            {found.data.occupations.length === 0 && <p>{t('learning.plan.noResults')}</p>}
            {found.data.occupations.map((o) => (
              <div key={o.id} className="form-group-radio">
                <input
                  type="radio"
                  className="form-radio"
                  name="occupation"
                  id={`occ-${o.id}`}
                  value={o.id}
                  checked={picked === o.id}
                  onChange={() => setPicked(o.id)}
                />
                <label htmlFor={`occ-${o.id}`}>
                  {o.label}
                  {o.altLabels.length > 0 && (
                    <span className="form-hint"> ({o.altLabels.join(', ')})</span>
                  )}
                </label>
              </div>
            ))}
            <p className="form-hint">{found.data.attribution}</p>
          </fieldset>
        )}
        <button type="submit" className="button button-primary" disabled={!picked}>
          {plan ? t('learning.plan.rebuild') : t('learning.plan.build')}
        </button>
      </form>

      {v && !plan && <p>{t('learning.plan.none')}</p>}
      {plan && (
        <>
          <h3>{t('learning.plan.forGoal', { goal: plan.occupationLabel })}</h3>
          <p>
            {t('learning.plan.made', { date: formatDateTime(plan.createdAt, i18n.language) })} ·{' '}
            {plan.testedAt
              ? t('learning.plan.testedAt', { date: formatDateTime(plan.testedAt, i18n.language) })
              : t('learning.plan.noTest')}
          </p>
          {local.data && (
            <p>
              {local.data.roles > 0
                ? t('learning.plan.local', local.data)
                : t('learning.plan.noLocal')}
            </p>
          )}
          <TableWrap label={t('learning.plan.gaps')}>
            <table className="table table--zebra">
              <caption>{t('learning.plan.gaps')}</caption>
              <HeadRow columns={textList(t, 'learning.plan.gapCols')} />
              <tbody>
                {plan.gaps.map((g) => (
                  <tr key={g.competence}>
                    <td>{competenceLabel(g.competence, i18n.language)}</td>
                    <td>{g.required}</td>
                    <td>{g.tested ?? t('learning.plan.notTested')}</td>
                    <td>{g.gap}</td>
                    <td>
                      {local.data?.competences.find((c) => c.competence === g.competence)?.level ??
                        t('learning.plan.localNone')}
                    </td>
                    <td>
                      {g.basic && g.skills.length === 0
                        ? t('learning.plan.basic')
                        : g.skills.slice(0, 4).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p className="form-hint">{plan.attribution}</p>
          <h3>{t('learning.plan.suggestions')}</h3>
          <ol>
            {plan.items.map((i) => (
              <li key={i.id}>
                <strong>{titleOf(i)}</strong> ({t(`learning.plan.kinds.${i.kind}`)},{' '}
                {t('learning.plan.score', { score: i.score })}) —{' '}
                {t(`learning.plan.decision.${i.status}`)}
                <ul>
                  {i.reasons.map((r, k) => (
                    <li key={k}>{reasonText(t, r, i18n.language)}</li>
                  ))}
                </ul>
                {i.kind === 'offer' && i.refId && !live.has(i.refId) && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      const offerId = i.refId;
                      if (offerId)
                        void run(() =>
                          call('POST /api/learning/enrolments', {
                            body: { offerId, citizenId, planItemId: i.id },
                          }),
                        );
                    }}
                  >
                    {i.reasons.some((r) => r.code === 'waitlist')
                      ? t('learning.plan.enrolWaitlist')
                      : t('learning.plan.enrol')}
                    : {i.title}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}

      <h3>{t('learning.plan.places')}</h3>
      <EnrolElsewhere citizenId={citizenId} taken={live} onDone={refresh} />
      {(v?.enrolments ?? []).length === 0 ? (
        <p>{t('learning.plan.noPlaces')}</p>
      ) : (
        <ul className="dl-links">
          {(v?.enrolments ?? []).map((e) => (
            <EnrolmentCard key={e.id} enrolment={e} heading={e.offerName} onChange={refresh} />
          ))}
        </ul>
      )}

      <h3>{t('learning.plan.badges')}</h3>
      {(v?.badges ?? []).length === 0 ? (
        <p>{t('learning.plan.noBadges')}</p>
      ) : (
        <ul>
          {(v?.badges ?? []).map((b) => (
            <li key={b.id}>
              {b.name} ·{' '}
              {t('learning.plan.issued', { date: formatDateTime(b.issuedAt, i18n.language) })}
              {b.revokedAt ? (
                <>
                  {' '}
                  ·{' '}
                  {b.testWithdrawn
                    ? t('learning.plan.testWithdrawn')
                    : t('learning.plan.revoked', {
                        date: formatDateTime(b.revokedAt, i18n.language),
                        reason: b.revokeReason,
                      })}
                </>
              ) : (
                <RevokeBadge id={b.id} onDone={refresh} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RevokeBadge({ id, onDone }: { id: string; onDone: () => unknown }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="dl-toolbar"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        call('POST /api/badges/:id/revoke', { params: { id }, body: { reason } }).then(
          onDone,
          setError,
        );
      }}
    >
      <ErrorSummary error={error} />
      <div className="form-group">
        <label className="form-label" htmlFor={`revoke-${id}`}>
          {t('learning.plan.revokeReason')}
        </label>
        <input
          id={`revoke-${id}`}
          className="form-input"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-tertiary">
        {t('learning.plan.revoke')}
      </button>
    </form>
  );
}

/** Enrolling in any open offer, also one the plan did not suggest. */
function EnrolElsewhere({
  citizenId,
  taken,
  onDone,
}: {
  citizenId: string;
  taken: Set<string>;
  onDone: () => unknown;
}) {
  const { t } = useTranslation();
  const offers = useQuery({
    queryKey: ['offers', false],
    queryFn: () => call('GET /api/learning/offers', { query: { all: '0' } }),
  });
  const [offerId, setOfferId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const open = (offers.data ?? []).filter((o) => !taken.has(o.id));
  if (open.length === 0) return null;
  return (
    <form
      className="dl-toolbar"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        call('POST /api/learning/enrolments', { body: { offerId, citizenId } }).then(
          onDone,
          setError,
        );
      }}
    >
      <ErrorSummary error={error} />
      <div className="form-group">
        <label className="form-label" htmlFor={`other-offer-${citizenId}`}>
          {t('learning.plan.otherOffer')}
        </label>
        <select
          id={`other-offer-${citizenId}`}
          className="form-select"
          value={offerId}
          onChange={(e) => setOfferId(e.target.value)}
        >
          <option value="">{t('learning.plan.chooseOffer')}</option>
          {open.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({t('learning.seats', { enrolled: o.enrolled, capacity: o.capacity })})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary" disabled={!offerId}>
        {t('learning.plan.enrol')}
      </button>
    </form>
  );
}
