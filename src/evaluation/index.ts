// The one door into the evaluation engines (pure statistics; no I/O).
import type { AreaModule } from '../platform/module';
import { registerEvaluationCommands } from './evaluation.cli';

export const evaluationModule: AreaModule = { name: 'evaluation', cli: registerEvaluationCommands };

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
export {
  adjustBH,
  alphaSpent,
  efficacyBoundaries,
  powerOfProportions,
  sizeForProportions,
  type Boundaries,
  type Spending,
} from './design.model';
export { twoStageLeastSquares, ivEffect } from './effect.model';
