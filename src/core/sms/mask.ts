/**
 * Masks a mobile the way every response and log line shows it (DESIGN.md §1.3): only the last
 * four digits remain, which is enough for a person to recognise their own number and too little
 * to contact anyone. The mask has a fixed width so it does not reveal the number's length either.
 */
export function maskMobile(mobile: string): string {
  // Four digits of a short (invalid) value would give most of it away; show none.
  if (mobile.length < 10) return '******';
  return `******${mobile.slice(-4)}`;
}
