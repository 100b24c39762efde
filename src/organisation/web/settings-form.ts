import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A settings form on Forbindelser: saves what the form holds, says so, reloads the settings it
 * shows, and clears the last connection test (`onSubmitted`) when it is submitted again.
 */
export function useSettingsForm(
  queryKey: string,
  send: (form: HTMLFormElement) => Promise<unknown>,
  onSubmitted: () => void,
) {
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      setSaved(true);
      await client.invalidateQueries({ queryKey: [queryKey] });
    },
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    onSubmitted();
    save.mutate(e.currentTarget);
  }
  return { save, saved, onSubmit };
}
