import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call, href } from '../../web/api';
import { ErrorSummary, Loading, PageTitle } from '../../web/ui';
import { useCan } from '../../web/session';
import { digcompTitle } from '../../learning/digcomp.model';

/** A role's explained candidates: anonymous until they accept; the consultant asks them. */
export default function RoleCandidatesPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const qc = useQueryClient();
  const can = useCan();
  const key = ['role-candidates', id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/job-roles/:id/candidates', { params: { id } }),
  });
  const [error, setError] = useState<unknown>(null);

  async function contact(candidateId: string, send: boolean) {
    setError(null);
    try {
      await call('POST /api/job-roles/:id/contact-requests', {
        params: { id },
        body: { candidateId, send },
      });
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(err);
    }
  }

  if (q.isPending) return <Loading />;
  if (!q.data) return <ErrorSummary error={q.error} />;
  const v = q.data;
  return (
    <>
      <PageTitle>
        {t('pool.candidatesTitle', { role: `${v.role.title}, ${v.role.company}` })}
      </PageTitle>
      <p>{t('pool.candidatesIntro')}</p>
      <ErrorSummary error={error} />
      {v.candidates.length === 0 ? (
        <p>{t('pool.noCandidates')}</p>
      ) : (
        <ol className="dl-candidates">
          {v.candidates.map((c) => (
            <li key={c.id}>
              <strong>{c.handle}</strong> ·{' '}
              {t('pool.score', { pct: Math.round(c.explanation.score * 100) })}
              {c.contact && <> · {t(`pool.statuses.${c.contact}`)}</>}
              {c.pitch && (
                <>
                  <br />“{c.pitch}”
                </>
              )}
              <br />
              {t('companyEvents.education')}:{' '}
              {c.shown.education ? t(`citizen.educationLevels.${c.shown.education}`) : '–'} ·{' '}
              {t('companyEvents.jobGoal')}: {c.shown.jobGoal ?? '–'}
              {c.shown.pilots.length > 0 && <> · {c.shown.pilots.join(', ')}</>}
              {c.shown.badges.length > 0 && <> · {c.shown.badges.join(', ')}</>}
              {c.explanation.fits.length > 0 && (
                <>
                  <br />
                  {t('pool.fits')}:{' '}
                  {c.explanation.fits.map((f) => digcompTitle(f.competence, lang)).join(', ')}
                </>
              )}
              {c.explanation.missing.length > 0 && (
                <>
                  <br />
                  {t('pool.missing')}:{' '}
                  {c.explanation.missing
                    .map(
                      (g) =>
                        `${digcompTitle(g.competence, lang)} (${g.shown}/${g.required})${g.closedBy ? ` – ${t('pool.closedBy', { name: g.closedBy.name })}` : ''}`,
                    )
                    .join(', ')}
                </>
              )}
              {c.revealed && (
                <>
                  <br />
                  <strong>
                    {t('pool.revealed', {
                      name: c.revealed.name,
                      email: c.revealed.email ?? '',
                      phone: c.revealed.phone ?? '',
                    })}
                  </strong>
                  {c.hasCv && (
                    <>
                      {' '}
                      <a
                        href={href('GET /api/job-roles/:id/candidates/:candidateId/cv', {
                          params: { id, candidateId: c.id },
                        })}
                        download
                      >
                        {t('pool.downloadCv')}
                      </a>
                    </>
                  )}
                </>
              )}
              {can('smeAcademics') && (c.contact === null || c.contact === 'shortlisted') && (
                <p>
                  {c.contact === null && (
                    <>
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={`${t('pool.shortlist')}: ${c.handle}`}
                        onClick={() => void contact(c.id, false)}
                      >
                        {t('pool.shortlist')}
                      </button>{' '}
                    </>
                  )}
                  <button
                    type="button"
                    className="button button-primary"
                    aria-label={`${t('pool.send')}: ${c.handle}`}
                    onClick={() => void contact(c.id, true)}
                  >
                    {t('pool.send')}
                  </button>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
