import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ServerMessage } from '../server-message.js';
import type { Problem } from './event-checks.js';

/** A problem in the page's language, or the server's own sentence for one the section has no text for. */
export function problemText(t: TFunction<'staff'>, problem: Problem | undefined): ReactNode {
  if (problem === undefined) return undefined;
  return typeof problem === 'string' ? t(`aefi.problems.${problem}`) : <ServerMessage message={problem.server} />;
}
