// The web parts other areas may use.
export { VisitsSection } from './VisitsSection';
