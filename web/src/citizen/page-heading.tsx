import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1, focused when the page opens: after a route change a screen reader starts reading
 * the new page, and the next Tab goes to its first control rather than back to the header.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return <h1 ref={heading} tabIndex={-1} className="page-heading">{children}</h1>;
}

/** Moves focus to an element by id once React has drawn it (a new step's heading, a message). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
