// The one door into the assessment area.
export { assessmentRoutes } from './assessment.routes';
export { assessmentAdminRoutes } from './assessment-admin.routes';
export { latestResults, completedTests, type CompletedTest } from './assessment.store';
export { recordScriptedTest } from './scripted-test';
