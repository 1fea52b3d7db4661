import type { IsoDate } from '../../core/calendar-date.js';
import type { Facility } from '../facilities/schema.js';

/** A vaccination session (one vaccine, one age rule, one day at one centre) and what is left of it. */
export interface SessionAvailability {
  id: string;
  facilityId: number;
  date: IsoDate;
  vaccine: string;
  minAgeLimit: number;
  maxAgeLimit: number | null;
  allowAllAge: boolean;
  availableDose1: number;
  availableDose2: number;
  slots: string[];
}

export interface CentreAvailability {
  facility: Facility;
  sessions: SessionAvailability[];
}

export interface NewSession {
  id: string;
  facilityId: number;
  date: IsoDate;
  vaccine: string;
  minAgeLimit: number;
  maxAgeLimit: number | null;
  allowAllAge: boolean;
  capacityDose1: number;
  capacityDose2: number;
  /** Doses kept for people who come without booking, on top of the online capacity; 0 when left out. */
  walkInCapacity?: number;
  slots: string[];
}

export interface AvailabilityQuery {
  from: IsoDate;
  /** 1 for findBy*, 7 for calendarBy*. */
  days: number;
  vaccine?: string | undefined;
}
