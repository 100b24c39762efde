// The one door into the assessment area.
import type { Command } from 'commander';
import type { AreaModule } from '../platform/module';
import { testCodeRules } from './assessment.policy';
import { assessmentMessages } from './assessment.messages';
import { assessmentRoutes } from './assessment.routes';
import { assessmentAdminRoutes } from './assessment-admin.routes';
import { registerAssessmentCommands } from './assessment.cli';
import { registerIrtCommands } from './irt/irt.cli';
import * as tables from './assessment.schema';

export const assessmentModule = {
  name: 'assessment',
  contracts: [assessmentApi, assessmentAdminApi],
  policies: [testCodeRules],
  capabilities: {
    testCodes: assessmentApi.issueTestCode,
    testAdmin: assessmentAdminApi.listItems,
    ownTest: assessmentApi.startTest,
  },
  messages: assessmentMessages,
  tables,
  routes: [assessmentRoutes, assessmentAdminRoutes],
  // The light test page, opened from a QR code or a link.
  pages: [{ path: '/test', file: 'test.html' }],
  cli: (program: Command) => {
    registerIrtCommands(program);
    registerAssessmentCommands(program);
  },
} satisfies AreaModule;

export {
  latestResults,
  completedTests,
  completedTestsByCitizen,
  testWithdrawnAtOf,
  firstOffers,
  firstCompletedTests,
  type CompletedTest,
} from './assessment.store';
import { assessmentApi } from './assessment.contract';
import { assessmentAdminApi } from './assessment-admin.contract';
export { recordScriptedTest } from './scripted-test';
export { seedDemoAnswerHistory, seedDemoTests } from './demo-tests';
