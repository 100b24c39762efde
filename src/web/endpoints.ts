// Every endpoint the web client may call, by key (`GET /api/pilots/:id`), typed from the
// contracts the area modules declare. A type-only import: nothing here reaches a bundle, and a
// new area's endpoints arrive with its module.
import type { EndpointDef, EndpointKey } from '../platform/http/endpoint';
import type { AreaContract } from '../app/modules';

type Of<A> = A extends unknown ? A[keyof A] : never;
type WebEndpoint = Extract<Of<AreaContract>, EndpointDef>;

export type Endpoints = { [D in WebEndpoint as EndpointKey<D>]: D };
export type Key = keyof Endpoints;
