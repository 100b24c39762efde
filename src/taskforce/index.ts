// The one door into the taskforce's follow-up of the strategy: the seven recommendations with
// live indicators, the actions behind them, every centre side by side and the citizen journey.
// It reads the other areas only through their exported follow-up reads.
import type { AreaModule } from '../platform/module';
import { taskforceApi } from './taskforce.contract';
import { taskforceRoutes } from './taskforce.routes';
import { taskforceMessages } from './taskforce.messages';
import { followUpRules, TASKFORCE_PURPOSES } from './taskforce.policy';
import * as tables from './taskforce.schema';
import { recountAll, RECOUNT_EVERY_MS } from './indicator-counts';

export const taskforceModule = {
  name: 'taskforce',
  contracts: [taskforceApi],
  policies: [followUpRules],
  capabilities: {
    strategy: taskforceApi.indicators,
    'strategy.act': taskforceApi.createAction,
    'strategy.centres': taskforceApi.createCentre,
  },
  messages: taskforceMessages,
  purposes: TASKFORCE_PURPOSES,
  tables,
  routes: [taskforceRoutes],
  jobs: [
    {
      name: 'indicator counts',
      everyMs: RECOUNT_EVERY_MS,
      run: (task) => recountAll(task),
    },
  ],
} satisfies AreaModule;

export { seedTaskforce } from './demo-taskforce';
