/**
 * Where demo centres go. The geography data has no coordinates, so each state gets an approximate
 * centre point and a spread in degrees that keeps its districts inside its borders, roughly, and a
 * few cities get their real coordinates so that "near me" in Mumbai or Bengaluru lands in the city.
 */
export interface Area {
  lat: number;
  long: number;
  /** Degrees either way that a point may move from the centre. */
  spread: number;
}

export const stateAreas: Record<number, Area> = {
  1: { lat: 11.67, long: 92.73, spread: 0.3 },
  2: { lat: 15.9, long: 79.7, spread: 1.8 },
  3: { lat: 28.0, long: 94.5, spread: 1.0 },
  4: { lat: 26.2, long: 92.9, spread: 1.0 },
  5: { lat: 25.6, long: 85.6, spread: 1.1 },
  6: { lat: 30.73, long: 76.78, spread: 0.04 },
  7: { lat: 21.3, long: 81.9, spread: 1.4 },
  8: { lat: 20.27, long: 73.02, spread: 0.07 },
  9: { lat: 28.61, long: 77.21, spread: 0.12 },
  10: { lat: 15.35, long: 74.05, spread: 0.2 },
  11: { lat: 22.7, long: 71.6, spread: 1.6 },
  12: { lat: 29.1, long: 76.1, spread: 0.8 },
  13: { lat: 31.9, long: 77.2, spread: 0.6 },
  14: { lat: 33.6, long: 75.0, spread: 0.7 },
  15: { lat: 23.6, long: 85.3, spread: 1.1 },
  16: { lat: 14.5, long: 75.9, spread: 1.6 },
  17: { lat: 10.4, long: 76.4, spread: 0.5 },
  18: { lat: 34.2, long: 77.6, spread: 0.4 },
  19: { lat: 10.57, long: 72.64, spread: 0.15 },
  20: { lat: 23.5, long: 78.5, spread: 2.3 },
  21: { lat: 19.4, long: 76.0, spread: 2.0 },
  22: { lat: 24.7, long: 93.9, spread: 0.4 },
  23: { lat: 25.5, long: 91.3, spread: 0.4 },
  24: { lat: 23.4, long: 92.8, spread: 0.4 },
  25: { lat: 26.1, long: 94.5, spread: 0.35 },
  26: { lat: 20.5, long: 84.4, spread: 1.4 },
  27: { lat: 11.93, long: 79.8, spread: 0.08 },
  28: { lat: 30.9, long: 75.4, spread: 0.8 },
  29: { lat: 26.6, long: 73.8, spread: 2.3 },
  30: { lat: 27.5, long: 88.5, spread: 0.2 },
  31: { lat: 11.1, long: 78.4, spread: 1.4 },
  32: { lat: 17.9, long: 79.1, spread: 1.1 },
  33: { lat: 23.8, long: 91.5, spread: 0.25 },
  34: { lat: 27.0, long: 80.5, spread: 2.3 },
  35: { lat: 30.1, long: 79.2, spread: 0.6 },
  36: { lat: 23.4, long: 87.9, spread: 1.2 },
  37: { lat: 20.42, long: 72.85, spread: 0.04 },
};

/** Big cities: real coordinates, and enough centres (40+) to look like one. */
export const cityDistricts: Record<number, Area> = {
  395: { lat: 19.076, long: 72.8777, spread: 0.09 }, // Mumbai
  294: { lat: 12.9716, long: 77.5946, spread: 0.1 }, // BBMP (Bengaluru)
  571: { lat: 13.0827, long: 80.2707, spread: 0.08 }, // Chennai
  725: { lat: 22.5726, long: 88.3639, spread: 0.07 }, // Kolkata
  581: { lat: 17.385, long: 78.4867, spread: 0.09 }, // Hyderabad
  363: { lat: 18.5204, long: 73.8567, spread: 0.09 }, // Pune
  770: { lat: 23.0225, long: 72.5714, spread: 0.08 }, // Ahmedabad Corporation
  670: { lat: 26.8467, long: 80.9462, spread: 0.08 }, // Lucknow
  505: { lat: 26.9124, long: 75.7873, spread: 0.07 }, // Jaipur I
};

/** Districts that lie in or beside a city above, placed at its coordinates with their usual number of centres. */
export const districtsBesideCities: Record<number, Area> = {
  392: { lat: 19.2183, long: 72.9781, spread: 0.08 }, // Thane
  265: { lat: 13.05, long: 77.62, spread: 0.1 }, // Bangalore Urban
  154: { lat: 23.05, long: 72.45, spread: 0.15 }, // Ahmedabad
  506: { lat: 26.95, long: 75.8, spread: 0.1 }, // Jaipur II
};
