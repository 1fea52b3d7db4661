import { useEffect, useRef } from 'react';
import type { CalendarState } from './use-calendar.js';

/**
 * On a phone the results start below the search forms, so a tap on Search would seem to do
 * nothing. Once a search the citizen asked for has an answer, scroll the results into view if
 * their top is not already on screen. Focus stays on the button; the live region speaks the result.
 */
export function useRevealResults(calendar: CalendarState): () => void {
  const pending = useRef(false);

  useEffect(() => {
    if (!pending.current || calendar.status === 'loading' || calendar.status === 'idle') return;
    pending.current = false;
    const heading = document.getElementById('results-heading');
    if (!heading) return;
    const top = heading.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight * 0.6) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }, [calendar]);

  return () => {
    pending.current = true;
  };
}
