// The web parts other areas may use.
export { AssessmentSection } from './AssessmentSection';
export { CodeCard, type IssuedCode } from './CodeCard';
export { HelpedCitizenTests } from './HelpedCitizenTests';
