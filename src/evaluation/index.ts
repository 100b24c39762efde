// The one door into the evaluation engines (pure statistics; no I/O).
export {
  EstimationError,
  estimateEffect,
  logit,
  matchNearest,
  ols,
  type EffectEstimate,
} from './effect.model';
export {
  concordance,
  coxFit,
  kaplanMeier,
  logRank,
  type CoxFit,
  type KmRow,
  type LogRank,
  type SurvivalData,
} from './survival.model';
export { kmPlotSvg, type Curve } from './plots';
