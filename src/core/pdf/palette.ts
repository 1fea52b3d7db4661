import { rgb } from 'pdf-lib';

/** Teeka's printed documents (slips, certificates) share one look: these inks, on A4. */
export const INK = rgb(0.1, 0.12, 0.14);
export const MUTED = rgb(0.38, 0.4, 0.43);
export const ACCENT = rgb(0.05, 0.36, 0.42);
export const RULE = rgb(0.82, 0.84, 0.86);
export const SHADE = rgb(0.95, 0.96, 0.97);
export const WHITE = rgb(1, 1, 1);
