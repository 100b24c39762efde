// The one door other areas use into people (citizens and their case data).
import type { AreaModule } from '../platform/module';
import { peopleMessages } from './people.messages';
import { PEOPLE_PURPOSES, citizenRules } from './people.policy';
import { peopleRoutes } from './people.routes';
import * as tables from './people.schema';
import { peopleApi } from './people.contract';

export const peopleModule = {
  name: 'people',
  contracts: [peopleApi],
  policies: [citizenRules],
  capabilities: {
    caseload: peopleApi.caseload,
    'citizens.create': peopleApi.createCitizen,
    myData: peopleApi.myCitizenData,
  },
  messages: peopleMessages,
  purposes: PEOPLE_PURPOSES,
  tables,
  routes: [peopleRoutes],
} satisfies AreaModule;

export { createCitizen, cprHashOf } from './create-citizen';
export { parseCpr, maskCpr, passesModulus11, CPR_PATTERN } from './cpr';
export {
  findCitizen,
  findCitizenByUser,
  citizensByIds,
  citizenIdsByCprHash,
  findCitizenByCprHash,
  linkCitizenLogin,
  followUpCitizens,
} from './people.store';
export { citizenPolicy, citizenRules, citizenExamples, type CitizenTarget } from './people.policy';
export type { CitizenRow } from './people.store';
export { EDUCATION_LEVELS, type EducationLevel } from './people.constants';
export { loadAuthorized, loadSelf } from './load-citizen';
