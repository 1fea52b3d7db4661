import { createContext, useContext } from 'react';
import type { StaffProfile } from './staff-types.js';

export const StaffProfileContext = createContext<StaffProfile | undefined>(undefined);

/** Who is signed in: role, username and scope (with the place's ids and name). Only under SignedInLayout. */
export function useStaffProfile(): StaffProfile {
  const profile = useContext(StaffProfileContext);
  if (!profile) throw new Error('useStaffProfile is for pages inside SignedInLayout');
  return profile;
}
