// The one door into learning (offers, plans, places, badges).
import type { AreaModule } from '../platform/module';
import { badgesApi } from './badges.contract';
import { learningMessages } from './learning.messages';
import { LEARNING_PURPOSES, offerRules, enrolmentRules, badgeRules } from './learning.policy';
import { learningRoutes } from './learning.routes';
import { offerRoutes } from './offers.routes';
import { badgeRoutes } from './badges.routes';
import * as tables from './learning.schema';
import { offersApi } from './offers.contract';
import { learningApi } from './learning.contract';

export const learningModule = {
  name: 'learning',
  contracts: [learningApi, offersApi, badgesApi],
  policies: [offerRules, enrolmentRules, badgeRules],
  capabilities: {
    courses: offersApi.listOffers,
    'courses.manage': offersApi.createOffer,
    courseStats: offersApi.learningStats,
    myPlan: learningApi.myLearning,
  },
  messages: learningMessages,
  purposes: LEARNING_PURPOSES,
  tables,
  routes: [offerRoutes, learningRoutes, badgeRoutes],
} satisfies AreaModule;

export { seedLearning } from './demo-learning';
export { esco, requirementsOf, ESCO_ATTRIBUTION, type Requirement } from './esco';
export {
  followUpEnrolments,
  planGapCounts,
  validBadgesByCitizen,
  validBadgesOf,
  type HeldBadge,
} from './learning.store';
export { listOffers as learningOffersOf } from './learning.store';
