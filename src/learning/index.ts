// The one door into learning (offers, plans, places, badges).
export { learningRoutes } from './learning.routes';
export { badgeRoutes } from './badges.routes';
