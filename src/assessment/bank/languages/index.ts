// The original bank in the community languages, one file per language. A language's file must
// cover every item before the test is offered in it (TEST_LANGS; translations.test.ts checks).
import type { CommunityLang } from '../../../platform/i18n/languages.constants';
import type { BankTranslation } from './translate';
import { AR } from './ar';
import { FA } from './fa';
import { PL } from './pl';
import { SO } from './so';
import { TR } from './tr';
import { UK } from './uk';
import { UR } from './ur';

export const BANK_TRANSLATIONS: Partial<Record<CommunityLang, BankTranslation>> = {
  ar: AR,
  fa: FA,
  pl: PL,
  so: SO,
  tr: TR,
  uk: UK,
  ur: UR,
};

export { withTranslation, type BankTranslation } from './translate';
