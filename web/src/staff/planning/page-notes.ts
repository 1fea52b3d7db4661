import { useLocation } from 'react-router';

/** A fee the server lowered to the vaccine's national cap (as Co-WIN did): what was asked, what stands. */
export interface CappedFee {
  vaccine: string;
  asked: number;
  cap: number;
}

/**
 * What a form tells the page it returns to after saving, carried in the history entry's state
 * (not in storage): the page shows it once, in its status region.
 */
export type CentreNote =
  | { kind: 'centre-saved'; created: boolean; capped: CappedFee[] }
  | { kind: 'session-saved'; created: boolean; vaccine: string; date: string };

export interface VaccinesNote {
  kind: 'vaccine-saved';
  vaccine: string;
  feesCapped: number;
}

/** The note the previous page left for this one, if it is one of `kinds`. */
export function useNote<N extends { kind: string }>(kinds: readonly N['kind'][]): N | undefined {
  const state = useLocation().state as { note?: N } | null;
  return state?.note && kinds.includes(state.note.kind) ? state.note : undefined;
}
