// The demand survey over HTTP: parse, call the use case (survey.use-cases.ts), answer.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../platform/http/use-case';
import { route } from '../platform/http/route';
import { surveyApi } from './survey.contract';
import { publicLink } from '../platform/http/origin';
import { SURVEY_PATH } from './companies.constants';
import {
  answerSurvey,
  createSurvey,
  questionnaire,
  readSurvey,
  sendRound,
  surveys,
} from './survey.use-cases';

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, surveyApi.listSurveys, async (request) => inTransaction(ctx.db, request, surveys));
  route(app, surveyApi.createSurvey, async (request) =>
    inTransaction(ctx.db, request, (uc) => createSurvey(uc, request.body)),
  );
  route(app, surveyApi.getSurvey, async (request) =>
    inTransaction(ctx.db, request, (uc) => readSurvey(uc, request.params.id)),
  );
  route(app, surveyApi.sendRound, async (request) =>
    inTransaction(ctx.db, request, (uc) =>
      sendRound(uc, request.params.id, request.body.companyIds, (token) =>
        publicLink(ctx.settings, `${SURVEY_PATH}#${token}`),
      ),
    ),
  );
  route(app, surveyApi.openQuestionnaire, async (request) =>
    questionnaire(ctx.db, request.body.token),
  );
  route(app, surveyApi.answerSurvey, async (request) =>
    ctx.db.transaction((tx) => answerSurvey(tx, request.body)),
  );
};
