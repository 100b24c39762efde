import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../organisation/auth/auth.contract';
import type { Capability } from '../platform/auth/capabilities';
import { call } from './api';

export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: () => call('GET /api/auth/session') });
}

export function useSetSession() {
  const qc = useQueryClient();
  return (view: SessionView) => qc.setQueryData(['session'], view);
}

/** Whether the logged-in user may use a capability (the server decides; see the session). */
export function useCan(): (capability: Capability) => boolean {
  const caps = useSession().data?.user?.capabilities ?? [];
  return (capability) => caps.includes(capability);
}
