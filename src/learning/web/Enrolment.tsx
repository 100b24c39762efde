import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../learning.contract';
import { call } from '../../web/api';
import { ErrorSummary, formatDateTime } from '../../web/ui';
import { statusText } from './texts';

/**
 * One place on an offer, for those who run it (caseworker, course managers): attendance per
 * session, the outcome, and cancelling with a reason. `heading` is the offer or the citizen.
 */
export function EnrolmentCard({
  enrolment: e,
  heading,
  onChange,
}: {
  enrolment: EnrolmentView;
  heading: string;
  onChange: () => unknown;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  // Attendance shows at once; the server's answer follows (and a refusal puts it back).
  const [marks, setMarks] = useState<Record<string, boolean>>({});

  async function act(request: () => Promise<unknown>) {
    setError(null);
    try {
      await request();
      await onChange();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <li className="dl-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="h5">
        {heading}
      </h3>
      <p>
        <strong>{statusText(t, e)}</strong>
        {e.completedAt && ` · ${formatDateTime(e.completedAt, i18n.language)}`}
        {e.endReason &&
          e.status !== 'completed' &&
          ` · ${e.endReason === 'dropped_out' ? t('learning.droppedOut') : e.endReason}`}
      </p>
      <ErrorSummary error={error} />
      {e.sessions.length > 0 && (
        <fieldset className="form-group">
          <legend className="form-label">{t('learning.sessions')}</legend>
          {e.sessions.map((s) => (
            <div key={s.id} className="form-group-checkbox">
              <input
                type="checkbox"
                className="form-checkbox"
                id={`${id}-${s.id}`}
                checked={marks[s.id] ?? s.present === true}
                disabled={!e.permissions.attend}
                onChange={(ev) => {
                  const present = ev.target.checked;
                  setMarks((m) => ({ ...m, [s.id]: present }));
                  void act(() =>
                    call('POST /api/learning/enrolments/:id/attendance', {
                      params: { id: e.id },
                      body: { sessionId: s.id, present },
                    }),
                  ).then(() => setMarks(({ [s.id]: _, ...rest }) => rest));
                }}
              />
              <label htmlFor={`${id}-${s.id}`}>
                {t('learning.present', { date: formatDateTime(s.startsAt, i18n.language) })}
                {s.place && ` · ${s.place}`}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="dl-toolbar">
        {e.permissions.complete && (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                void act(() =>
                  call('POST /api/learning/enrolments/:id/complete', {
                    params: { id: e.id },
                    body: { outcome: 'completed' },
                  }),
                )
              }
            >
              {t('learning.markCompleted')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                void act(() =>
                  call('POST /api/learning/enrolments/:id/complete', {
                    params: { id: e.id },
                    body: { outcome: 'dropped_out' },
                  }),
                )
              }
            >
              {t('learning.markDroppedOut')}
            </button>
          </>
        )}
      </div>
      {e.permissions.cancel && (
        <form
          className="dl-toolbar"
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void act(() =>
              call('POST /api/learning/enrolments/:id/cancel', {
                params: { id: e.id },
                body: { reason },
              }),
            );
          }}
        >
          <div className="form-group">
            <label className="form-label" htmlFor={`${id}-reason`}>
              {t('learning.cancelReason')}
            </label>
            <input
              id={`${id}-reason`}
              className="form-input"
              value={reason}
              onChange={(ev) => setReason(ev.target.value)}
            />
          </div>
          <button type="submit" className="button button-tertiary">
            {t('learning.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
