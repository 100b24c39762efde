import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { asEntered, call, type Answer } from '../../web/api';
import {
  CheckboxGroup,
  ErrorSummary,
  Field,
  fieldError,
  formText,
  HeadRow,
  Loading,
  numberFrom,
  PageTitle,
  TableWrap,
} from '../../web/ui';
import type { EventCompanyInput } from '../events.contract';

type View = Answer<'GET /api/matchmaking/events/:id'>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** One event for the consultant: companies, invitations, wishes, the scheduler, the day. */
export default function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['matchmaking', id];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call('GET /api/matchmaking/events/:id', { params: { id } }),
    // On the day the board follows check-ins and outcomes as they come.
    refetchInterval: (query) => (query.state.data?.status === 'published' ? 15_000 : false),
  });
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function act(run: () => Promise<unknown>, message?: (result: unknown) => string) {
    setError(null);
    setNotice('');
    try {
      const result = await run();
      if (result && typeof result === 'object' && 'slots' in result) qc.setQueryData(key, result);
      else await qc.invalidateQueries({ queryKey: key });
      setNotice(message ? message(result) : '');
    } catch (err) {
      setError(err);
    }
  }

  if (q.isPending) return <Loading />;
  if (q.isError || !q.data) return <ErrorSummary error={q.error} />;
  const e = q.data;
  const planning = e.status === 'planning';
  const registered = e.candidates.filter((c) => c.status === 'registered');
  const nameOf = (citizenId: string) => e.candidates.find((c) => c.citizenId === citizenId)?.name;

  return (
    <>
      <PageTitle>{e.name}</PageTitle>
      <p>
        {e.on} · {t(`matchmaking.formats.${e.format}`)} · {t(`matchmaking.statuses.${e.status}`)}
        {e.venue ? ` · ${e.venue}` : ''}
        {e.pilot ? ` · ${e.pilot.name}` : ''}
      </p>
      <p>
        {t('matchmaking.slots')}: {e.slots.map((s) => `${s.start}–${s.end}`).join(', ')}
      </p>
      <ErrorSummary error={error} />
      {notice && (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{notice}</p>
        </div>
      )}

      <Companies event={e} act={act} error={error} />

      <h2>{t('matchmaking.candidates')}</h2>
      {planning && <Invite event={e} act={act} />}
      {e.candidates.length === 0 ? (
        <p>{t('matchmaking.noCandidates')}</p>
      ) : (
        <TableWrap label={t('matchmaking.candidates')}>
          <table className="table">
            <HeadRow
              columns={[
                t('matchmaking.name'),
                'ID',
                t('matchmaking.format'),
                t('matchmaking.schedule'),
                t('matchmaking.result'),
                ...(planning ? [] : [t('matchmaking.checkIn')]),
              ]}
            />
            <tbody>
              {e.candidates.map((c) => (
                <tr key={c.citizenId}>
                  <td>{c.name}</td>
                  <td>{c.handle}</td>
                  <td>{t(`matchmaking.candidateStatuses.${c.status}`)}</td>
                  <td>{c.meetings}</td>
                  <td>{c.unmet ? t(`matchmaking.unmet.${c.unmet}`) : c.firstWishMet ? '★' : ''}</td>
                  {!planning && (
                    <td>
                      {c.status !== 'registered' ? null : (
                        <>
                          {c.noShow
                            ? t('matchmaking.noShow')
                            : c.checkedIn
                              ? t('matchmaking.checkedIn')
                              : t('matchmaking.notYet')}{' '}
                          <button
                            type="button"
                            className="button button-secondary"
                            aria-label={`${t('matchmaking.present')}: ${c.name}`}
                            onClick={() =>
                              void act(() =>
                                call('POST /api/matchmaking/events/:id/check-in', {
                                  params: { id },
                                  body: { citizenId: c.citizenId, present: true },
                                }),
                              )
                            }
                          >
                            {t('matchmaking.present')}
                          </button>{' '}
                          <button
                            type="button"
                            className="button button-tertiary"
                            aria-label={`${t('matchmaking.absent')}: ${c.name}`}
                            onClick={() =>
                              void act(() =>
                                call('POST /api/matchmaking/events/:id/check-in', {
                                  params: { id },
                                  body: { citizenId: c.citizenId, present: false },
                                }),
                              )
                            }
                          >
                            {t('matchmaking.absent')}
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {planning && registered.length > 0 && e.eventCompanies.length > 0 && (
        <Wishes event={e} act={act} />
      )}

      {planning && (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            const fair = new FormData(ev.currentTarget).get('fair') === 'on';
            void act(() =>
              call('POST /api/matchmaking/events/:id/schedule', {
                params: { id },
                body: { fair },
              }),
            );
          }}
        >
          <div className="form-group-checkbox">
            <input
              type="checkbox"
              className="form-checkbox"
              id="mm-fair"
              name="fair"
              defaultChecked
            />
            <label htmlFor="mm-fair">{t('matchmaking.fair')}</label>
          </div>
          <button type="submit" className="button button-primary">
            {t('matchmaking.run')}
          </button>
        </form>
      )}

      {e.lastRun && (
        <>
          <h2>{t('matchmaking.result')}</h2>
          <p>
            {t('matchmaking.lastRun', {
              status: t(`matchmaking.runStatuses.${e.lastRun.status}`),
              objective: e.lastRun.objective,
              bound: e.lastRun.bound,
            })}
          </p>
          <p>
            {t('matchmaking.resultLine', {
              met: e.result.candidatesMet,
              registered: registered.length,
              firstWish: e.result.firstWish,
              none: e.result.none,
            })}
          </p>
          <h3>{t('matchmaking.meetingsPerCompany')}</h3>
          <ul>
            {e.eventCompanies.map((c) => (
              <li key={c.id}>
                {c.name}:{' '}
                {
                  e.schedule.filter((m) => m.eventCompanyId === c.id && m.status !== 'cancelled')
                    .length
                }
              </li>
            ))}
          </ul>
          <Board event={e} nameOf={nameOf} />
        </>
      )}

      {planning && e.lastRun && (
        <>
          <p>{t('matchmaking.publishHint')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() =>
              void act(() => call('POST /api/matchmaking/events/:id/publish', { params: { id } }))
            }
          >
            {t('matchmaking.publish')}
          </button>
        </>
      )}

      {!planning && (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            const fromSlot = Number(new FormData(ev.currentTarget).get('fromSlot'));
            void act(() =>
              call('POST /api/matchmaking/events/:id/reschedule', {
                params: { id },
                body: { fromSlot },
              }),
            );
          }}
        >
          <div className="form-group">
            <label className="form-label" htmlFor="mm-from">
              {t('matchmaking.reschedule')}
            </label>
            <select id="mm-from" name="fromSlot" className="form-select">
              {e.slots.map((s, i) => (
                <option key={i} value={i}>
                  {s.start}–{s.end}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t('matchmaking.rescheduleButton')}
          </button>
        </form>
      )}
    </>
  );
}

type Act = (run: () => Promise<unknown>, message?: (result: unknown) => string) => Promise<void>;

function Companies({ event: e, act, error }: { event: View; act: Act; error: unknown }) {
  const { t } = useTranslation();
  const companies = useQuery({
    queryKey: ['companies', 'all'],
    queryFn: () => call('GET /api/companies'),
  });
  const taken = new Set(e.eventCompanies.map((c) => c.companyId));
  const f = (path: string) => fieldError(error, path);

  async function add(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const form = ev.currentTarget;
    const data = new FormData(form);
    await act(async () => {
      await call('POST /api/matchmaking/events/:id/companies', {
        params: { id: e.id },
        body: asEntered<EventCompanyInput>({
          companyId: formText(data, 'companyId'),
          tables: numberFrom(data, 'tables'),
          rooms: lines(formText(data, 'rooms')),
          videoLinks: lines(formText(data, 'videoLinks')),
          roles: lines(formText(data, 'roles')),
          unavailable: data.getAll('unavailable').map(Number),
        }),
      });
      form.reset();
    });
  }

  return (
    <>
      <h2>{t('matchmaking.companies')}</h2>
      {e.eventCompanies.length === 0 ? (
        <p>{t('matchmaking.noCompanies')}</p>
      ) : (
        <TableWrap label={t('matchmaking.companies')}>
          <table className="table">
            <HeadRow
              columns={[
                t('matchmaking.company'),
                t('matchmaking.tables'),
                t('matchmaking.roles'),
                t('matchmaking.unavailableSlots'),
              ]}
            />
            <tbody>
              {e.eventCompanies.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>
                    {c.tables}
                    {c.videoLinks.length > 0 && (
                      <ul>
                        {c.videoLinks.map((l) => (
                          <li key={l}>{l}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{c.roles.join(', ')}</td>
                  <td>{c.unavailable.map((s) => e.slots[s]?.start).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {e.status === 'planning' && (
        <details>
          <summary>{t('matchmaking.addCompany')}</summary>
          <form onSubmit={(ev) => void add(ev)} noValidate>
            <div className="form-group">
              <label className="form-label" htmlFor="mm-company">
                {t('matchmaking.company')}
              </label>
              <select id="mm-company" name="companyId" className="form-select">
                {(companies.data ?? [])
                  .filter((c) => !taken.has(c.id))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
            </div>
            <Field
              name="tables"
              type="number"
              inputMode="numeric"
              label={t('matchmaking.tables')}
              defaultValue="1"
              error={f('tables')}
            />
            {e.format !== 'virtual' && (
              <Field name="rooms" multiline label={t('matchmaking.rooms')} error={f('rooms')} />
            )}
            {e.format !== 'physical' && (
              <Field
                name="videoLinks"
                multiline
                label={t('matchmaking.videoLinks')}
                error={f('videoLinks')}
              />
            )}
            <Field name="roles" multiline label={t('matchmaking.roles')} error={f('roles')} />
            <CheckboxGroup
              legend={t('matchmaking.unavailableSlots')}
              name="unavailable"
              options={e.slots.map((s, i) => ({ value: String(i), label: `${s.start}–${s.end}` }))}
            />
            <button type="submit" className="button button-secondary">
              {t('matchmaking.add')}
            </button>
          </form>
        </details>
      )}
    </>
  );
}

function Invite({ event: e, act }: { event: View; act: Act }) {
  const { t } = useTranslation();
  const pilots = useQuery({
    queryKey: ['matchmaking', 'pilots'],
    queryFn: () => call('GET /api/matchmaking/pilots'),
  });
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        const pilotId = formText(new FormData(ev.currentTarget), 'pilotId');
        void act(
          () =>
            call('POST /api/matchmaking/events/:id/invitations', {
              params: { id: e.id },
              body: { pilotId },
            }),
          (r) => t('matchmaking.invited', r as { invited: number; already: number }),
        );
      }}
    >
      <div className="form-group">
        <label className="form-label" htmlFor="mm-invite-pilot">
          {t('matchmaking.invitePilot')}
        </label>
        <select
          id="mm-invite-pilot"
          name="pilotId"
          className="form-select"
          defaultValue={e.pilot?.id ?? ''}
        >
          {(pilots.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.passed})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {t('matchmaking.inviteButton')}
      </button>
    </form>
  );
}

function Wishes({ event: e, act }: { event: View; act: Act }) {
  const { t } = useTranslation();
  const registered = e.candidates.filter((c) => c.status === 'registered');
  const wish = (citizenId: string, eventCompanyId: string) =>
    e.wishes.find((w) => w.citizenId === citizenId && w.eventCompanyId === eventCompanyId);
  return (
    <>
      <h2>{t('matchmaking.wishes')}</h2>
      <p>{t('matchmaking.wishesIntro')}</p>
      <TableWrap label={t('matchmaking.wishes')}>
        <table className="table">
          <HeadRow columns={['', ...e.eventCompanies.map((c) => c.name)]} />
          <tbody>
            {registered.map((c) => (
              <tr key={c.citizenId}>
                <th scope="row">{c.name}</th>
                {e.eventCompanies.map((place) => {
                  const w = wish(c.citizenId, place.id);
                  const mark =
                    w?.companyAnswer === 'accept'
                      ? ' ✓'
                      : w?.companyAnswer === 'decline'
                        ? ' ✗'
                        : '';
                  return (
                    <td key={place.id}>
                      {w?.rank ?? '–'}
                      {mark}{' '}
                      <select
                        className="form-select"
                        aria-label={t('matchmaking.rule', {
                          candidate: c.name,
                          company: place.name,
                        })}
                        value={w?.rule ?? ''}
                        onChange={(ev) => {
                          const rule =
                            ev.target.value === '' ? null : (ev.target.value as 'pin' | 'forbid');
                          void act(() =>
                            call('POST /api/matchmaking/events/:id/rules', {
                              params: { id: e.id },
                              body: { citizenId: c.citizenId, eventCompanyId: place.id, rule },
                            }),
                          );
                        }}
                      >
                        <option value="">{t('matchmaking.rules.none')}</option>
                        <option value="pin">{t('matchmaking.rules.pin')}</option>
                        <option value="forbid">{t('matchmaking.rules.forbid')}</option>
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** Slots down, each company's tables across: the schedule, and on the day the live board. */
function Board({ event: e, nameOf }: { event: View; nameOf: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const columns = e.eventCompanies.flatMap((c) =>
    Array.from({ length: c.tables }, (_, table) => ({ place: c, table })),
  );
  return (
    <>
      <h2>{e.status === 'planning' ? t('matchmaking.schedule') : t('matchmaking.board')}</h2>
      <TableWrap label={t('matchmaking.schedule')}>
        <table className="table dl-board">
          <HeadRow
            columns={[
              t('matchmaking.slots'),
              ...columns.map((c) =>
                c.place.tables > 1
                  ? `${c.place.name}, ${t('matchmaking.table', { n: c.table + 1 })}`
                  : c.place.name,
              ),
            ]}
          />
          <tbody>
            {e.slots.map((s, slot) => (
              <tr key={slot}>
                <th scope="row">
                  {s.start}–{s.end}
                </th>
                {columns.map((c) => {
                  const m = e.schedule.find(
                    (x) =>
                      x.slot === slot &&
                      x.eventCompanyId === c.place.id &&
                      x.table === c.table &&
                      x.status !== 'cancelled',
                  );
                  return (
                    <td
                      key={`${c.place.id}-${c.table}`}
                      className={m ? `dl-meeting-${m.status}` : ''}
                    >
                      {m
                        ? `${nameOf(m.citizenId) ?? ''}${m.status === 'planned' ? '' : ` (${t(`matchmaking.meetingStatuses.${m.status}`)})`}${m.outcome ? ` – ${t(`matchmaking.outcomes.${m.outcome}`)}` : ''}`
                        : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
