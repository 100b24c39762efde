// The one door into companies: the company register, the roles companies need, the demand
// survey, job-ad analysis and the demand picture (Track 2, recommendations 1, 4 and 6).
import type { AreaModule } from '../platform/module';
import { registerDemandCommands } from './demand.cli';
import { companiesApi } from './companies.contract';
import { companiesMessages } from './companies.messages';
import { COMPANIES_PURPOSES, companyRules } from './companies.policy';
import { companyRoutes } from './companies.routes';
import * as tables from './companies.schema';
import { surveyApi } from './survey.contract';
import { demandApi } from './demand.contract';
import { demandRoutes } from './demand.routes';
import { surveyRoutes } from './survey.routes';
import { remindSurveys } from './survey.use-cases';
import { SURVEY_PATH } from './companies.constants';
import { publicLink } from '../platform/http/origin';
import { jobRolesApi } from './job-roles.contract';
import { jobRoleRoutes } from './job-roles.routes';
import { jobAdsApi } from './job-ads.contract';
import { jobAdRoutes } from './job-ads.routes';

export const companiesModule = {
  name: 'companies',
  contracts: [companiesApi, jobRolesApi, jobAdsApi, surveyApi, demandApi],
  policies: [companyRules],
  capabilities: {
    companies: companiesApi.createCompany,
    myCompanies: companiesApi.myCompanies,
    companyPage: companiesApi.getCompany,
    postRoles: jobRolesApi.postRole,
    jobAds: jobAdsApi.analyseAd,
    surveys: surveyApi.createSurvey,
    demand: demandApi.demandPicture,
  },
  messages: companiesMessages,
  purposes: COMPANIES_PURPOSES,
  tables,
  routes: [companyRoutes, jobRoleRoutes, jobAdRoutes, surveyRoutes, demandRoutes],
  jobs: [
    {
      name: 'demand survey reminders',
      everyMs: 3600_000,
      run: (task, ctx) =>
        remindSurveys(task, (token) => publicLink(ctx.settings, `${SURVEY_PATH}#${token}`)),
    },
  ],
  cli: registerDemandCommands,
} satisfies AreaModule;

export { seedCompanies } from './demo-companies';
export {
  companiesByIds,
  companiesOfMember,
  findCompany,
  membersOf,
  type CompanyRow,
} from './companies.store';
export { openRolesWithCompany, rolesOfCompany } from './job-roles.store';
export { demandCounts, DEMAND_MEASURES, type DemandMeasure } from './demand.store';
export { companyPolicy, type CompanyTarget } from './companies.policy';
