import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../organisation/auth/auth.contract';
import { api } from './api';

export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: () => api<SessionView>('/api/auth/session') });
}

export function useSetSession() {
  const qc = useQueryClient();
  return (view: SessionView) => qc.setQueryData(['session'], view);
}
