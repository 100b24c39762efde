import { z } from 'zod';
import { endpoint } from './endpoint';

export const SpeechLanguagesView = z.object({
  /** The languages the server can read aloud in (none without a speech engine). */
  languages: z.array(z.string()),
});

export const SpeechInput = z.object({
  lang: z.string().regex(/^[a-z]{2}$/),
  /** One block of a page (a heading, a question, an answer): short, so the first words come fast. */
  text: z.string().trim().min(1).max(600),
});

export const speechApi = {
  speechLanguages: endpoint({
    method: 'GET',
    path: '/api/speech/languages',
    access: { kind: 'public' },
    sessionless: true,
    tags: ['platform'],
    summary: 'The languages read-aloud can use the server’s voice for',
    response: { 200: SpeechLanguagesView },
  }),
  speak: endpoint({
    method: 'POST',
    path: '/api/speech',
    access: { kind: 'public' },
    sessionless: true,
    tags: ['platform'],
    summary: 'A page text read aloud (WAV), where the browser has no voice for the language',
    description:
      'Only texts of the pages themselves: a text that looks like personal data (CPR number, phone number, e-mail address) is refused. Texts are cached, never logged.',
    body: SpeechInput,
    produces: 'audio/wav',
  }),
};
