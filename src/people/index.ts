// The one door other areas use into people (citizens and their case data).
export { peopleRoutes } from './people.routes';
export { createCitizen } from './create-citizen';
export { parseCpr, maskCpr, passesModulus11, CPR_PATTERN } from './cpr';
export { citizens, citizenNotes } from './people.schema';
export { findCitizen, findCitizenByUser } from './people.store';
export { citizenPolicy, type CitizenTarget } from './people.policy';
export type { CitizenRow } from './people.store';
export { EDUCATION_LEVELS, type EducationLevel } from './people.constants';
export { loadAuthorized, loadSelf } from './load-citizen';
