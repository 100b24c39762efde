import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { asEntered, call } from '../../web/api';
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
import { useCentres } from './follow-up';

/** Which sites form each centre (admins set it; others read it). */
export default function CentresPage() {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const q = useCentres();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (form: HTMLFormElement) => {
      const data = new FormData(form);
      const body = asEntered<{ name: string; siteIds: string[] }>({
        name: formText(data, 'name'),
        siteIds: data.getAll('siteIds').map(String),
      });
      return editing
        ? call('PUT /api/taskforce/centres/:id', { params: { id: editing }, body })
        : call('POST /api/taskforce/centres', { body });
    },
    onSuccess: async () => {
      setSaved(true);
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['taskforce-centres'] });
    },
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    save.mutate(e.currentTarget);
  }
  const label = t('centres.title');
  const current = q.data?.centres.find((c) => c.id === editing);
  const centreName = (id: string | null) => q.data?.centres.find((c) => c.id === id)?.name;
  return (
    <>
      <p>
        <Link to="/strategi">{t('strategy.back')}</Link>
      </p>
      <PageTitle>{label}</PageTitle>
      <p>{t('centres.intro')}</p>
      <ErrorSummary error={q.error} />
      {saved && (
        <p role="status" className="alert alert-success">
          {t('centres.saved')}
        </p>
      )}
      {q.isPending ? (
        <Loading />
      ) : (q.data?.centres.length ?? 0) === 0 ? (
        <p>{t('centres.none')}</p>
      ) : (
        <TableWrap label={label}>
          <table className="table table--zebra">
            <caption className="sr-only">{label}</caption>
            <HeadRow columns={[...textList(t, 'centres.cols'), '']} />
            <tbody>
              {q.data!.centres.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.sites.map((s) => s.name).join(', ')}</td>
                  <td>
                    {can('strategy.centres') && (
                      <button
                        type="button"
                        className="button button-tertiary"
                        onClick={() => setEditing(c.id)}
                      >
                        {t('centres.edit', { name: c.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {can('strategy.centres') && q.data && (
        <form
          onSubmit={onSubmit}
          className="dl-card"
          aria-labelledby="centre-form"
          key={editing ?? 'new'}
        >
          <h2 id="centre-form">
            {current ? t('centres.edit', { name: current.name }) : t('centres.new')}
          </h2>
          <ErrorSummary error={save.error} />
          <Field
            name="name"
            label={t('centres.name')}
            required
            defaultValue={current?.name}
            error={fieldError(save.error, 'name')}
          />
          <fieldset className="form-group">
            <legend className="form-label">{t('centres.sites')}</legend>
            {q.data.sites.map((s) => (
              <div key={s.id} className="form-group-checkbox">
                <input
                  id={`centre-site-${s.id}`}
                  type="checkbox"
                  name="siteIds"
                  value={s.id}
                  className="form-checkbox"
                  defaultChecked={current ? s.centreId === current.id : false}
                />
                <label className="form-label" htmlFor={`centre-site-${s.id}`}>
                  {s.name}{' '}
                  {s.centreId && s.centreId !== editing
                    ? t('centres.inOther', { centre: centreName(s.centreId) })
                    : ''}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('centres.save')}
          </button>
        </form>
      )}
    </>
  );
}
