import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalid } from '../errors';
import { looksPersonal } from '../speech/speech';
import { enforceLimits, type Limit } from './rate-limit';
import { route } from './route';
import { speechApi } from './speech.contract';

/** A workshop's citizens share one address; a test page reads about 250 blocks. */
const SPEECH_PER_SOURCE: Limit = { max: 2000, windowSeconds: 600 };

export const speechRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  route(app, speechApi.speechLanguages, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return { languages: [...(ctx.speech?.languages ?? [])] };
  });
  route(app, speechApi.speak, async (request, reply) => {
    const { lang, text } = request.body;
    if (!ctx.speech?.languages.includes(lang)) throw invalid('speech_no_voice');
    if (looksPersonal(text)) throw invalid('speech_personal_data');
    await enforceLimits(ctx.db, [{ key: `speech:src:${request.ip}`, limit: SPEECH_PER_SOURCE }]);
    const audio = await ctx.speech.speak(text, lang);
    return reply
      .header('content-type', 'audio/wav')
      .header('cache-control', 'private, max-age=86400')
      .send(audio);
  });
};
