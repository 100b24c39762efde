// The one door into matching: the candidate pool, explained matches and matchmaking events
// with their scheduler (Track 2, recommendation 6), on the companies area.
import type { AreaModule } from '../platform/module';
import { registerMatchingCommands } from './matching.cli';

export const matchingModule = {
  name: 'matching',
  cli: registerMatchingCommands,
} satisfies AreaModule;
