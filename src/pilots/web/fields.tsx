// Form parts the pilot pages share: the decision rule's fields.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_WEEKS } from '../pilots.constants';
import type { DecisionRuleInput, PilotView } from '../pilots.contract';
import { asEntered } from '../../web/api';
import { Field, formText, numberFrom } from '../../web/ui';

type Rule = PilotView['decisionRule'];

/** The decision rule's inputs (outcome, smallest effect worth keeping, method, stretch). */
export function RuleFields({
  rule,
  error,
}: {
  rule?: Rule;
  error?: (path: string) => string | undefined;
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
      <fieldset className="form-group">
        <legend className="form-label">{t('pilots.method')}</legend>
        {(['lottery', 'matching'] as const).map((m) => (
          <div key={m} className="form-group-radio">
            <input
              type="radio"
              className="form-radio"
              id={`${id}-${m}`}
              name="method"
              value={m}
              defaultChecked={m === (rule?.method ?? 'lottery')}
            />
            <label htmlFor={`${id}-${m}`}>
              {m === 'lottery' ? t('pilots.methodLottery') : t('pilots.methodMatching')}
            </label>
          </div>
        ))}
      </fieldset>
      <Field
        label={t('pilots.stretchWeeks')}
        name="stretchWeeks"
        inputMode="numeric"
        defaultValue={String(rule?.stretchWeeks ?? 4)}
        error={error?.('decisionRule.stretchWeeks')}
      />
    </>
  );
}

/** The rule as the API takes it, from a form holding RuleFields. */
export function ruleFrom(data: FormData) {
  return asEntered<DecisionRuleInput>({
    outcomeWeeks: numberFrom(data, 'outcomeWeeks'),
    minimumEffect: numberFrom(data, 'minimumEffect'),
    method: formText(data, 'method'),
    stretchWeeks: numberFrom(data, 'stretchWeeks'),
  });
}
