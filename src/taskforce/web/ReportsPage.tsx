import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { asEntered, call, href } from '../../web/api';
import { useCan } from '../../web/session';
import {
  ErrorSummary,
  Field,
  fieldError,
  formText,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
  textList,
} from '../../web/ui';
import { REPORT_SECTIONS } from '../taskforce.constants';

/** The reports issued to the committee, and a new one from the live data with the taskforce's texts. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['taskforce-reports'],
    queryFn: () => call('GET /api/taskforce/reports'),
  });
  const [issued, setIssued] = useState(false);
  const issue = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const data = new FormData(form);
      const texts: Record<string, string> = {};
      for (const s of REPORT_SECTIONS) {
        const text = formText(data, `text-${s}`);
        if (text) texts[s] = text;
      }
      return call('POST /api/taskforce/reports', {
        body: asEntered({
          title: formText(data, 'title'),
          from: formText(data, 'from') || undefined,
          to: formText(data, 'to') || undefined,
          texts,
        }),
      });
    },
    onSuccess: async () => {
      setIssued(true);
      await client.invalidateQueries({ queryKey: ['taskforce-reports'] });
    },
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setIssued(false);
    issue.mutate(e.currentTarget);
  }
  const label = t('reports.title');
  return (
    <>
      <p>
        <Link to="/strategi">{t('strategy.back')}</Link>
      </p>
      <PageTitle>{label}</PageTitle>
      <p>{t('reports.intro')}</p>
      <ErrorSummary error={q.error} />
      {issued && (
        <p role="status" className="alert alert-success">
          {t('reports.issued')}
        </p>
      )}
      {q.isPending ? (
        <Loading />
      ) : (q.data ?? []).length === 0 ? (
        <p>{t('reports.none')}</p>
      ) : (
        <TableWrap label={label}>
          <table className="table table--zebra">
            <caption className="sr-only">{label}</caption>
            <HeadRow columns={textList(t, 'reports.cols')} />
            <tbody>
              {q.data!.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.title}</th>
                  <td>{r.issuedOn}</td>
                  <td>
                    {r.period.from} – {r.period.to}
                  </td>
                  <td>
                    <a
                      href={href('GET /api/taskforce/reports/:id/report.pdf', {
                        params: { id: r.id },
                      })}
                      download
                    >
                      {t('reports.pdf', { title: r.title })}
                    </a>
                    {' · '}
                    <a
                      href={href('GET /api/taskforce/reports/:id/report.docx', {
                        params: { id: r.id },
                      })}
                      download
                    >
                      {t('reports.docx', { title: r.title })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {can('strategy.act') && (
        <form onSubmit={onSubmit} className="dl-card" aria-labelledby="new-report">
          <h2 id="new-report">{t('reports.new')}</h2>
          <p>{t('reports.newIntro')}</p>
          <ErrorSummary error={issue.error} />
          <Field
            name="title"
            label={t('reports.reportTitle')}
            required
            error={fieldError(issue.error, 'title')}
          />
          <Field
            name="from"
            label={t('strategy.from')}
            type="date"
            error={fieldError(issue.error, 'from')}
          />
          <Field
            name="to"
            label={t('strategy.to')}
            type="date"
            error={fieldError(issue.error, 'to')}
          />
          {REPORT_SECTIONS.map((s) => (
            <Field
              key={s}
              name={`text-${s}`}
              label={t('reports.textFor', { section: t(`reports.sections.${s}`) })}
              multiline
              error={fieldError(issue.error, `texts.${s}`)}
            />
          ))}
          <button type="submit" className="button button-primary" disabled={issue.isPending}>
            {t('reports.issue')}
          </button>
        </form>
      )}
    </>
  );
}
