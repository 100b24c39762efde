// Every endpoint the web client may call, by key (`GET /api/pilots/:id`), typed from the areas'
// contracts. Type-only imports: nothing here reaches a bundle. A new area adds its contract here.
import type { EndpointKey } from '../platform/http/endpoint';
import type { authApi } from '../organisation/auth/auth.contract';
import type { organisationApi } from '../organisation/organisation.contract';
import type { peopleApi } from '../people/people.contract';
import type { workshopsApi } from '../workshops/workshops.contract';
import type { queueApi } from '../workshops/queue.contract';
import type { appointmentsApi } from '../workshops/appointments.contract';
import type { assessmentApi } from '../assessment/assessment.contract';
import type { assessmentAdminApi } from '../assessment/assessment-admin.contract';
import type { pilotsApi } from '../pilots/pilots.contract';
import type { learningApi } from '../learning/learning.contract';
import type { offersApi } from '../learning/offers.contract';
import type { badgesApi } from '../learning/badges.contract';

type Of<A> = A[keyof A];

type WebEndpoint =
  | Of<typeof authApi>
  | Of<typeof organisationApi>
  | Of<typeof peopleApi>
  | Of<typeof workshopsApi>
  | Of<typeof queueApi>
  | Of<typeof appointmentsApi>
  | Of<typeof assessmentApi>
  | Of<typeof assessmentAdminApi>
  | Of<typeof pilotsApi>
  | Of<typeof learningApi>
  | Of<typeof offersApi>
  | Of<typeof badgesApi>;

export type Endpoints = { [D in WebEndpoint as EndpointKey<D>]: D };
export type Key = keyof Endpoints;
