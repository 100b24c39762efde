// The web parts other areas may use.
export { MatchmakingSection } from './MatchmakingSection';
export { PilotOutcomesSection } from './PilotOutcomesSection';
