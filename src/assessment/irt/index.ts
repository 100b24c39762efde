// The one door into the IRT engine.
export * from './irt.model';
export { eap, map, type Score } from './score';
export {
  calibrate2pl,
  parseResponseCsv,
  type CalibrationResult,
  type ResponseData,
} from './calibrate';
export { calibrateGrm, type GradedData } from './calibrate-grm';
export {
  mantelHaenszel,
  etsClass,
  DIF_MIN_PER_GROUP,
  thetaStratum,
  type DifRecord,
  type DifResult,
  type EtsClass,
} from './dif';
