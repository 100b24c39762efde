// The one door into learning (offers, plans, places, badges).
import type { AreaModule } from '../platform/module';
import { learningMessages } from './learning.messages';
import { LEARNING_PURPOSES } from './learning.policy';
import { learningRoutes } from './learning.routes';
import { offerRoutes } from './offers.routes';
import { badgeRoutes } from './badges.routes';
import * as tables from './learning.schema';

export const learningModule: AreaModule = {
  name: 'learning',
  capabilities: {
    courses: 'GET /api/learning/offers',
    'courses.manage': 'POST /api/learning/offers',
    courseStats: 'GET /api/learning/stats',
    myPlan: 'GET /api/me/learning',
  },
  messages: learningMessages,
  purposes: LEARNING_PURPOSES,
  tables,
  routes: [offerRoutes, learningRoutes, badgeRoutes],
};

export { seedLearning } from './demo-learning';
