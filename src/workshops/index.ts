// The one door other areas import through.
export { workshopRoutes } from './workshops.routes';
export { VISIT_TOPICS, type VisitTopic } from './workshops.model';
export { workshopHousekeeping } from './housekeeping';
export { helpedCitizen } from './helped-citizen';
export { courseSuggestionsFor } from './workshops.store';
