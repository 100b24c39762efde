// The one door into the adaptive engine.
export * from './cat.model';
export { simulate, type SimulationResult } from './simulate';
