// Form parts the pilot pages share: the decision rule's fields, with the size it needs.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { OUTCOME_WEEKS, SUBGROUPS } from '../pilots.constants';
import type { DecisionRuleInput, PilotView } from '../pilots.contract';
import { asEntered, call } from '../../web/api';
import { CheckboxGroup, Field, formText, numberFrom } from '../../web/ui';

/** Planned looks a pilot manager can choose from (information fractions). */
export const LOOK_PLANS: Record<string, number[]> = {
  none: [],
  two: [0.5, 1],
  three: [0.33, 0.67, 1],
  four: [0.25, 0.5, 0.75, 1],
  five: [0.2, 0.4, 0.6, 0.8, 1],
};
const planOf = (looks: readonly number[]) =>
  Object.entries(LOOK_PLANS).find(([, l]) => l.join() === looks.join())?.[0] ?? 'none';

type Rule = PilotView['decisionRule'];

/** The decision rule's inputs (outcome, smallest effect worth keeping, method, stretch). */
export function RuleFields({
  rule,
  error,
  capacity,
}: {
  rule?: Rule;
  error?: (path: string) => string | undefined;
  /** The pilot's places, when the form does not hold them. */
  capacity?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-weeks`}>
          {t('pilots.outcomeWeeks')}
        </label>
        <select
          id={`${id}-weeks`}
          name="outcomeWeeks"
          className="form-select"
          defaultValue={rule?.outcomeWeeks ?? 26}
        >
          {OUTCOME_WEEKS.map((w) => (
            <option key={w} value={w}>
              {t('pilots.weeksN', { n: w })}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('pilots.minimumEffect')}
        name="minimumEffect"
        inputMode="numeric"
        required
        defaultValue={rule ? String(rule.minimumEffect) : undefined}
        error={error?.('decisionRule.minimumEffect')}
      />
      <Radios
        legend={t('pilots.method')}
        name="method"
        checked={rule?.method ?? 'lottery'}
        options={[
          { value: 'lottery', label: t('pilots.methodLottery') },
          { value: 'matching', label: t('pilots.methodMatching') },
        ]}
      />
      <Field
        label={t('pilots.stretchWeeks')}
        name="stretchWeeks"
        inputMode="numeric"
        defaultValue={String(rule?.stretchWeeks ?? 4)}
        error={error?.('decisionRule.stretchWeeks')}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-alpha`}>
          {t('pilots.alpha')}
        </label>
        <select
          id={`${id}-alpha`}
          name="alpha"
          className="form-select"
          defaultValue={String(rule?.alpha ?? 0.05)}
        >
          {['0.01', '0.05', '0.1'].map((a) => (
            <option key={a} value={a}>
              {Number(a) * 100} %
            </option>
          ))}
        </select>
      </div>
      <Radios
        legend={t('pilots.sides')}
        name="sides"
        checked={String(rule?.sides ?? 2)}
        options={['2', '1'].map((k) => ({ value: k, label: t(`pilots.sidesN.${k}`) }))}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-power`}>
          {t('pilots.power')}
        </label>
        <select
          id={`${id}-power`}
          name="power"
          className="form-select"
          defaultValue={String(rule?.power ?? 0.8)}
        >
          {['0.8', '0.85', '0.9'].map((a) => (
            <option key={a} value={a}>
              {Math.round(Number(a) * 100)} %
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('pilots.expectedRate')}
        hint={t('pilots.expectedRateHint')}
        name="expectedRate"
        inputMode="numeric"
        defaultValue={rule?.expectedRate != null ? String(rule.expectedRate) : ''}
        error={error?.('decisionRule.expectedRate')}
      />
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-looks`}>
          {t('pilots.looks')}
        </label>
        <select
          id={`${id}-looks`}
          name="looks"
          className="form-select"
          defaultValue={planOf(rule?.looks ?? [])}
        >
          {Object.entries(LOOK_PLANS).map(([key, l]) => (
            <option key={key} value={key}>
              {key === 'none'
                ? t('pilots.looksNone')
                : l.map((f) => `${Math.round(f * 100)} %`).join(' · ')}
            </option>
          ))}
        </select>
      </div>
      <Radios
        legend={t('pilots.spending')}
        name="spending"
        checked={rule?.spending ?? 'obf'}
        options={['obf', 'pocock'].map((k) => ({ value: k, label: t(`pilots.spendings.${k}`) }))}
      />
      <CheckboxGroup
        legend={t('pilots.subgroupsLegend')}
        name="subgroups"
        checked={rule?.subgroups ?? []}
        options={SUBGROUPS.map((g) => ({ value: g, label: t(`pilots.subgroupNames.${g}`) }))}
      />
      <PowerPanel capacity={capacity} />
    </>
  );
}

/** One choice of a few, as radio buttons under a legend. */
function Radios(p: {
  legend: string;
  name: string;
  checked: string;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <fieldset className="form-group">
      <legend className="form-label">{p.legend}</legend>
      {p.options.map((o) => (
        <div key={o.value} className="form-group-radio">
          <input
            type="radio"
            className="form-radio"
            id={`${id}-${o.value}`}
            name={p.name}
            value={o.value}
            defaultChecked={o.value === p.checked}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The size the rule needs, worked out by the server as the form changes: people per arm for the
 * chosen power at the minimum effect, and a warning when the planned places cannot reach it.
 */
function PowerPanel({ capacity }: { capacity?: number }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const read = () => {
      const data = new FormData(form);
      const rule = ruleFrom(data);
      const places = numberFrom(data, 'capacity') ?? capacity;
      if (!(Number(rule.minimumEffect) > 0) || !places) return setQuery(null);
      const q: Record<string, string> = {
        outcomeWeeks: String(rule.outcomeWeeks),
        stretchWeeks: String(rule.stretchWeeks ?? 4),
        minimumEffect: String(rule.minimumEffect),
        alpha: String(rule.alpha),
        sides: String(rule.sides),
        power: String(rule.power),
        capacity: String(places),
        looks: (rule.looks as number[]).join(','),
        spending: String(rule.spending),
      };
      if (rule.expectedRate != null) q.expectedRate = String(rule.expectedRate);
      setQuery(q);
    };
    read();
    form.addEventListener('input', read);
    form.addEventListener('change', read);
    return () => {
      form.removeEventListener('input', read);
      form.removeEventListener('change', read);
    };
  }, [capacity]);
  const power = useQuery({
    queryKey: ['pilot-power', query],
    queryFn: () => call('GET /api/pilots/power', { query: query as never }),
    enabled: query !== null,
    retry: false,
  });
  const v = power.data;
  const pct = (x: number) =>
    `${(x * 100).toLocaleString(i18n.language, { maximumFractionDigits: 0 })} %`;
  return (
    <div ref={ref} className="dl-card" aria-live="polite">
      <h3 className="h4">{t('pilots.powerTitle')}</h3>
      {!query && <p className="dl-meta">{t('pilots.powerNeeds')}</p>}
      {query && power.isError && <p className="dl-meta">{t('pilots.powerBadInput')}</p>}
      {query && v && v.perArm === null && <p>{t('pilots.powerNoRate')}</p>}
      {query && v && v.perArm !== null && (
        <>
          <p>
            {t('pilots.powerNeeded', {
              participants: v.participants,
              controls: v.controls,
              rate: v.expectedRate?.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
            })}{' '}
            <span className="dl-meta">
              {v.source === 'register'
                ? t('pilots.powerFromRegister', { n: v.registerPeople })
                : t('pilots.powerGiven')}
            </span>
          </p>
          {v.reachable ? (
            <p>
              {t('pilots.powerReachable', {
                power: v.powerAtCapacity === null ? '–' : pct(v.powerAtCapacity),
              })}
            </p>
          ) : (
            <div className="alert alert-warning" role="status">
              <div className="alert-body">
                <p className="alert-text">
                  {t('pilots.powerWarning', {
                    places: query.capacity,
                    power: v.powerAtCapacity === null ? '–' : pct(v.powerAtCapacity),
                  })}
                </p>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The rule as the API takes it, from a form holding RuleFields. */
export function ruleFrom(data: FormData) {
  return asEntered<DecisionRuleInput>({
    outcomeWeeks: numberFrom(data, 'outcomeWeeks'),
    minimumEffect: numberFrom(data, 'minimumEffect'),
    method: formText(data, 'method'),
    stretchWeeks: numberFrom(data, 'stretchWeeks'),
    alpha: numberFrom(data, 'alpha'),
    sides: numberFrom(data, 'sides'),
    power: numberFrom(data, 'power'),
    expectedRate: numberFrom(data, 'expectedRate') ?? null,
    looks: LOOK_PLANS[formText(data, 'looks', 'none')] ?? [],
    spending: formText(data, 'spending', 'obf'),
    subgroups: data.getAll('subgroups'),
  });
}
