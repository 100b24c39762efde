// What a user may open in the web client, named by capability. Each capability is the right to
// call one route (the area's module names it), so the server's access declaration is the one
// source: the session tells the web client the actor's capabilities, and its navigation and page
// guards follow them. Areas add their capability names here (declaration merging in their
// policy files).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AreaCapabilities {}

export type Capability = keyof AreaCapabilities;
