// The web parts other areas may use.
export { ReferToPilot } from './ReferToPilot';
