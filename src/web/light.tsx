// Small parts shared by the light pages (the test page and the workshop pages): React only,
// no router, query cache or i18next.
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's heading; it takes focus when the screen changes (a new `id`), so screen readers
 * announce the new screen.
 */
export function Heading({ children, id = '' }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [id]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** An error from the API, in DKFDS's alert, with a translated title. */
export function ErrorBox({ error, title }: { error: unknown; title: string }) {
  if (!(error instanceof Error)) return null;
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <p className="alert-heading">{title}</p>
        <p className="alert-text">{error.message}</p>
      </div>
    </div>
  );
}
