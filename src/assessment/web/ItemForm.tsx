import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BASIC_TOPICS,
  SIMULATION_KINDS,
  type BankEntry,
  type SimulationText,
} from '../bank/bank.model';

type Lang = 'da' | 'en';
const LANGS = ['da', 'en'] as const;
type ItemType = BankEntry['type'];
const ITEM_TYPES: readonly ItemType[] = ['knowledge', 'simulation', 'self_rating'];

/** The form's state: prompt and one line per option or card, in both languages. */
interface Draft {
  type: ItemType;
  kind: string;
  basic: string;
  competence: string;
  level: number;
  correct: number;
  prompt: Record<Lang, string>;
  options: Record<Lang, string>;
}

function draftOf(e: BankEntry | null): Draft {
  if (!e)
    return {
      type: 'knowledge',
      kind: SIMULATION_KINDS[0],
      basic: '',
      competence: '1.1',
      level: 1,
      correct: 1,
      prompt: { da: '', en: '' },
      options: { da: '', en: '' },
    };
  const prompt = (l: Lang) =>
    e.type === 'knowledge'
      ? e.text[l].stem
      : e.type === 'simulation'
        ? e.text[l].task
        : e.text[l].statement;
  const options = (l: Lang) =>
    e.type === 'knowledge'
      ? e.text[l].options.join('\n')
      : e.type === 'simulation'
        ? e.text[l].cards.map((c) => c.title).join('\n')
        : '';
  return {
    type: e.type,
    kind: e.type === 'simulation' ? e.kind : SIMULATION_KINDS[0],
    basic: e.basic ?? '',
    competence: e.competence,
    level: e.level,
    correct: e.type === 'self_rating' ? 1 : e.correct + 1,
    prompt: { da: prompt('da'), en: prompt('en') },
    options: { da: options('da'), en: options('en') },
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The request body for the draft; cards keep what the form does not edit (sender, size), and a
 * practice inbox keeps its letters.
 */
function bodyOf(d: Draft, original: BankEntry | null): Record<string, unknown> {
  const cards = (l: Lang) =>
    lines(d.options[l]).map((title, i) => {
      const before: SimulationText['cards'][number] | undefined =
        original?.type === 'simulation' ? original.text[l].cards[i] : undefined;
      return { ...before, title };
    });
  const text =
    d.type === 'knowledge'
      ? Object.fromEntries(
          LANGS.map((l) => [l, { stem: d.prompt[l], options: lines(d.options[l]) }]),
        )
      : d.type === 'simulation'
        ? Object.fromEntries(
            LANGS.map((l) => {
              const letters =
                original?.type === 'simulation' ? original.text[l].letters : undefined;
              return [l, { task: d.prompt[l], cards: cards(l), ...(letters && { letters }) }];
            }),
          )
        : Object.fromEntries(LANGS.map((l) => [l, { statement: d.prompt[l] }]));
  return {
    text,
    level: d.level,
    competence: d.competence.trim(),
    ...(d.type !== 'self_rating' && { correct: d.correct - 1 }),
  };
}

function Preview({ draft, lang }: { draft: Draft; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="dl-card" lang={lang}>
      <p className="dl-meta">
        {t('testAdmin.preview', { lang: lang === 'da' ? 'dansk' : 'English' })}
      </p>
      <p>
        <strong>{draft.prompt[lang]}</strong>
      </p>
      {draft.type !== 'self_rating' && (
        <ol>
          {lines(draft.options[lang]).map((o, i) => (
            <li key={i}>
              {o}
              {draft.correct === i + 1 ? ` (${t('testAdmin.correct')})` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * Writing or editing an item: type and tagging (a new item only), texts in Danish and English,
 * the right answer, and a preview in both languages that follows the typing.
 */
export function ItemForm({
  original,
  onSubmit,
  children,
}: {
  original: BankEntry | null;
  onSubmit: (body: Record<string, unknown>) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(original));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const isNew = original === null;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = bodyOf(d, original);
    if (isNew) {
      body.type = d.type;
      if (d.type === 'simulation') body.kind = d.kind;
      if (d.basic) body.basic = d.basic;
    }
    onSubmit(body);
  }

  return (
    <>
      <Preview draft={d} lang="da" />
      <Preview draft={d} lang="en" />
      <form onSubmit={submit} noValidate className="dl-narrow">
        {isNew && (
          <>
            <div className="form-group">
              <label className="form-label" htmlFor="item-type">
                {t('testAdmin.type')}
              </label>
              <select
                id="item-type"
                className="form-select"
                value={d.type}
                onChange={(e) =>
                  set('type', ITEM_TYPES.find((x) => x === e.target.value) ?? d.type)
                }
              >
                {ITEM_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`testAdmin.types.${x}`)}
                  </option>
                ))}
              </select>
            </div>
            {d.type === 'simulation' && (
              <div className="form-group">
                <label className="form-label" htmlFor="item-kind">
                  {t('testAdmin.kind')}
                </label>
                <select
                  id="item-kind"
                  className="form-select"
                  value={d.kind}
                  onChange={(e) => set('kind', e.target.value)}
                >
                  {SIMULATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`testAdmin.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="form-group">
              <label className="form-label" htmlFor="item-basic">
                {t('testAdmin.basic')}
              </label>
              <select
                id="item-basic"
                className="form-select"
                value={d.basic}
                onChange={(e) => set('basic', e.target.value)}
              >
                <option value="">{t('testAdmin.noBasic')}</option>
                {BASIC_TOPICS.map((b) => (
                  <option key={b} value={b}>
                    {t(`test.basic.${b}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="form-group">
          <label className="form-label" htmlFor="item-competence">
            {t('testAdmin.competence')}
          </label>
          <span className="form-hint" id="item-competence-hint">
            {t('testAdmin.competenceHint')}
          </span>
          <input
            id="item-competence"
            className="form-input"
            aria-describedby="item-competence-hint"
            value={d.competence}
            onChange={(e) => set('competence', e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="item-level">
            {t('testAdmin.level')}
          </label>
          <select
            id="item-level"
            className="form-select"
            value={d.level}
            onChange={(e) => set('level', Number(e.target.value))}
          >
            {[1, 2, 3, 4, 5, 6].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        {LANGS.map((lang) => (
          <fieldset key={lang} className="form-group" lang={lang}>
            <legend className="form-label">{lang === 'da' ? 'Dansk' : 'English'}</legend>
            <label className="form-label" htmlFor={`prompt-${lang}`}>
              {t('testAdmin.prompt')}
            </label>
            <textarea
              id={`prompt-${lang}`}
              className="form-input"
              rows={3}
              value={d.prompt[lang]}
              onChange={(e) => set('prompt', { ...d.prompt, [lang]: e.target.value })}
            />
            {d.type !== 'self_rating' && (
              <>
                <label className="form-label" htmlFor={`options-${lang}`}>
                  {t('testAdmin.options')}
                </label>
                <span className="form-hint" id={`options-${lang}-hint`}>
                  {t('testAdmin.optionsHint')}
                </span>
                <textarea
                  id={`options-${lang}`}
                  className="form-input"
                  rows={5}
                  aria-describedby={`options-${lang}-hint`}
                  value={d.options[lang]}
                  onChange={(e) => set('options', { ...d.options, [lang]: e.target.value })}
                />
              </>
            )}
          </fieldset>
        ))}
        {d.type !== 'self_rating' && (
          <div className="form-group">
            <label className="form-label" htmlFor="item-correct">
              {t('testAdmin.correctNumber')}
            </label>
            <input
              id="item-correct"
              className="form-input"
              inputMode="numeric"
              value={d.correct}
              onChange={(e) => set('correct', Number(e.target.value))}
            />
          </div>
        )}
        <div className="button-row">{children}</div>
      </form>
    </>
  );
}
