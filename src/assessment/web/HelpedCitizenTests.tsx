import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary } from '../../web/ui';
import { TestHistory } from './TestHistory';

/**
 * For the eMentor helping a citizen who checked in as themselves: their test results and
 * history. Read (and audited) only when the eMentor asks to see them.
 */
export function HelpedCitizenTests({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['helped-citizen-tests', ticketId],
    queryFn: () => call('GET /api/queue-tickets/:id/assessments', { params: { id: ticketId } }),
    enabled: open,
  });
  const id = `tests-${ticketId}`;
  return (
    <section className="dl-mt" aria-labelledby={id}>
      <h3 id={id}>{t('test.helpedTitle')}</h3>
      {open ? (
        <>
          <ErrorSummary error={list.error} />
          <TestHistory items={list.data} />
        </>
      ) : (
        <>
          <p className="dl-meta">{t('test.helpedHint')}</p>
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t('test.helpedShow')}
          </button>
        </>
      )}
    </section>
  );
}
