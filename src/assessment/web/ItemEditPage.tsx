import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ItemAdminView } from '../assessment-admin.contract';
import type { BankEntry } from '../bank/bank.model';
import { api } from '../../web/api';
import { ErrorSummary, Loading, PageTitle, formText } from '../../web/ui';
import { NotFoundPage } from '../../web/StaticPages';

type Lang = 'da' | 'en';

/** The item's texts as editable lines: prompt first, then one line per option or card. */
function promptOf(e: BankEntry, lang: Lang): string {
  if (e.type === 'knowledge') return e.text[lang].stem;
  if (e.type === 'simulation') return e.text[lang].task;
  return e.text[lang].statement;
}
function optionsOf(e: BankEntry, lang: Lang): string[] {
  if (e.type === 'knowledge') return e.text[lang].options;
  if (e.type === 'simulation') return e.text[lang].cards.map((c) => c.title);
  return [];
}

function Preview({ entry, lang }: { entry: BankEntry; lang: Lang }) {
  const { t } = useTranslation();
  const options = optionsOf(entry, lang);
  return (
    <div className="dl-card" lang={lang}>
      <p className="dl-meta">
        {t('testAdmin.preview', { lang: lang === 'da' ? 'dansk' : 'English' })}
      </p>
      <p>
        <strong>{promptOf(entry, lang)}</strong>
      </p>
      <ol>
        {options.map((o, i) => (
          <li key={i}>
            {o}
            {entry.type !== 'self_rating' && entry.correct === i
              ? ` (${t('testAdmin.correct')})`
              : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

export default function ItemEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const items = useQuery({
    queryKey: ['test-items'],
    queryFn: () => api<ItemAdminView[]>('/api/assessment/items'),
  });
  const [error, setError] = useState<unknown>(null);
  if (items.isPending) return <Loading />;
  const item = items.data?.find((i) => i.id === id);
  if (!item) return <NotFoundPage />;
  const entry = item.content as unknown as BankEntry;

  async function save(body: Record<string, unknown>) {
    setError(null);
    try {
      await api(`/api/assessment/items/${id}`, { method: 'PATCH', body });
      await qc.invalidateQueries({ queryKey: ['test-items'] });
      await navigate('/admin/test');
    } catch (err) {
      setError(err);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const lines = (lang: Lang) =>
      formText(d, `options-${lang}`)
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    const text =
      entry.type === 'knowledge'
        ? {
            da: { stem: formText(d, 'prompt-da'), options: lines('da') },
            en: { stem: formText(d, 'prompt-en'), options: lines('en') },
          }
        : entry.type === 'simulation'
          ? {
              da: {
                task: formText(d, 'prompt-da'),
                cards: entry.text.da.cards.map((c, i) => ({ ...c, title: lines('da')[i] ?? '' })),
              },
              en: {
                task: formText(d, 'prompt-en'),
                cards: entry.text.en.cards.map((c, i) => ({ ...c, title: lines('en')[i] ?? '' })),
              },
            }
          : {
              da: { statement: formText(d, 'prompt-da') },
              en: { statement: formText(d, 'prompt-en') },
            };
    const body: Record<string, unknown> = {
      text,
      level: Number(formText(d, 'level')),
      competence: formText(d, 'competence'),
    };
    if (entry.type !== 'self_rating') body.correct = Number(formText(d, 'correct')) - 1;
    void save(body);
  }

  return (
    <>
      <p>
        <Link to="/admin/test" className="back-link">
          {t('common.back')}
        </Link>
      </p>
      <PageTitle>{t('testAdmin.editTitle', { key: item.key })}</PageTitle>
      <p>
        {t(`testAdmin.types.${item.type}`)} · {t(`testAdmin.itemStatus.${item.status}`)}
      </p>
      <ErrorSummary error={error} />
      <Preview entry={entry} lang="da" />
      <Preview entry={entry} lang="en" />
      <form onSubmit={onSubmit} noValidate className="dl-narrow">
        <div className="form-group">
          <label className="form-label" htmlFor="item-competence">
            {t('testAdmin.competence')}
          </label>
          <input
            id="item-competence"
            name="competence"
            className="form-input"
            defaultValue={entry.competence}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="item-level">
            {t('testAdmin.level')}
          </label>
          <select id="item-level" name="level" className="form-select" defaultValue={entry.level}>
            {[1, 2, 3, 4, 5, 6].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        {(['da', 'en'] as const).map((lang) => (
          <fieldset key={lang} className="form-group" lang={lang}>
            <legend className="form-label">{lang === 'da' ? 'Dansk' : 'English'}</legend>
            <label className="form-label" htmlFor={`prompt-${lang}`}>
              {t('testAdmin.prompt')}
            </label>
            <textarea
              id={`prompt-${lang}`}
              name={`prompt-${lang}`}
              className="form-input"
              rows={3}
              defaultValue={promptOf(entry, lang)}
            />
            {entry.type !== 'self_rating' && (
              <>
                <label className="form-label" htmlFor={`options-${lang}`}>
                  {t('testAdmin.options')}
                </label>
                <span className="form-hint" id={`options-${lang}-hint`}>
                  {t('testAdmin.optionsHint')}
                </span>
                <textarea
                  id={`options-${lang}`}
                  name={`options-${lang}`}
                  className="form-input"
                  rows={5}
                  aria-describedby={`options-${lang}-hint`}
                  defaultValue={optionsOf(entry, lang).join('\n')}
                />
              </>
            )}
          </fieldset>
        ))}
        {entry.type !== 'self_rating' && (
          <div className="form-group">
            <label className="form-label" htmlFor="item-correct">
              {t('testAdmin.correctNumber')}
            </label>
            <input
              id="item-correct"
              name="correct"
              className="form-input"
              inputMode="numeric"
              defaultValue={entry.correct + 1}
            />
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void save({ status: item.status === 'active' ? 'retired' : 'active' })}
          >
            {item.status === 'active' ? t('testAdmin.retire') : t('testAdmin.reactivate')}
          </button>
        </div>
      </form>
    </>
  );
}
