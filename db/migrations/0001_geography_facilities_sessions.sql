-- Public, non-personal data: Co-WIN geography, vaccination centres and their sessions.
-- Reference tables in a Citus deployment (DESIGN.md §8): small, read everywhere, no personal data.

CREATE TABLE state (
  id integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE district (
  id integer PRIMARY KEY,
  state_id integer NOT NULL REFERENCES state (id),
  name text NOT NULL,
  position integer NOT NULL
);
CREATE INDEX district_state_idx ON district (state_id, position);

CREATE TABLE district_pincode (
  district_id integer NOT NULL REFERENCES district (id),
  pincode integer NOT NULL CHECK (pincode BETWEEN 110000 AND 999999),
  PRIMARY KEY (district_id, pincode)
);
CREATE INDEX district_pincode_pincode_idx ON district_pincode (pincode);

CREATE TABLE facility (
  id integer PRIMARY KEY,
  name text NOT NULL,
  address text NOT NULL,
  district_id integer NOT NULL REFERENCES district (id),
  block_name text NOT NULL,
  pincode integer NOT NULL CHECK (pincode BETWEEN 110000 AND 999999),
  -- India's bounding box, as the Co-WIN spec states it.
  lat double precision NOT NULL CHECK (lat BETWEEN 6.5 AND 37.5),
  long double precision NOT NULL CHECK (long BETWEEN 68 AND 97.5),
  opens_at text NOT NULL CHECK (opens_at ~ '^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$'),
  closes_at text NOT NULL CHECK (closes_at ~ '^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$'),
  fee_type text NOT NULL CHECK (fee_type IN ('Free', 'Paid')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facility_district_idx ON facility (district_id);
CREATE INDEX facility_pincode_idx ON facility (pincode);
CREATE INDEX facility_lat_long_idx ON facility (lat, long);

CREATE TABLE facility_vaccine_fee (
  facility_id integer NOT NULL REFERENCES facility (id),
  vaccine text NOT NULL,
  fee integer NOT NULL CHECK (fee >= 0),
  PRIMARY KEY (facility_id, vaccine)
);

CREATE TABLE vaccination_session (
  id uuid PRIMARY KEY,
  facility_id integer NOT NULL REFERENCES facility (id),
  date text NOT NULL CHECK (date ~ '^\d{4}-\d{2}-\d{2}$'),
  vaccine text NOT NULL,
  min_age_limit integer NOT NULL CHECK (min_age_limit BETWEEN 0 AND 120),
  max_age_limit integer CHECK (max_age_limit IS NULL OR max_age_limit >= min_age_limit),
  allow_all_age boolean NOT NULL,
  capacity_dose1 integer NOT NULL CHECK (capacity_dose1 >= 0),
  capacity_dose2 integer NOT NULL CHECK (capacity_dose2 >= 0),
  booked_dose1 integer NOT NULL DEFAULT 0 CHECK (booked_dose1 BETWEEN 0 AND capacity_dose1),
  booked_dose2 integer NOT NULL DEFAULT 0 CHECK (booked_dose2 BETWEEN 0 AND capacity_dose2),
  slots text[] NOT NULL,
  UNIQUE (facility_id, date, vaccine, min_age_limit)
);
CREATE INDEX vaccination_session_facility_date_idx ON vaccination_session (facility_id, date);
