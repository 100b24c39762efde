// The web parts other areas may use.
export { LearningSection } from './LearningSection';
