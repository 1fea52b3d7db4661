import { useStaffTranslation } from './staff-i18n.js';

/**
 * A sentence the server wrote, for refusals the console has no text of its own for. The server
 * writes English; on a Hindi page it is marked so a screen reader reads it with English sounds.
 */
export function ServerMessage({ message }: { message: string }) {
  const { language } = useStaffTranslation();
  return language === 'en' ? <>{message}</> : <span lang="en">{message}</span>;
}
