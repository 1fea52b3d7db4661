-- Walk-in registration at the centre (decision 0010) and adverse events following immunisation (AEFI).

-- An OTP logs a citizen in, or is read out by a person at a centre to the staff member there: to
-- register as a walk-in, or to identify themselves for an AEFI report. Only login OTPs open a session.
ALTER TABLE otp_transaction ADD COLUMN purpose text NOT NULL DEFAULT 'login' CHECK (purpose IN ('login', 'walk_in', 'aefi'));

-- A code staff asked the platform to text to a person at their centre. The token handed to staff
-- (kept here only as a keyed MAC) ties the code to that staff member and centre, so no one else can
-- use it; the rows also count each staff member's requests against an hourly cap.
CREATE TABLE centre_otp_request (
  id uuid PRIMARY KEY,
  token_mac text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('walk_in', 'aefi')),
  otp_transaction_id uuid NOT NULL REFERENCES otp_transaction (id),
  staff_id uuid NOT NULL REFERENCES staff_account (id),
  facility_id integer NOT NULL REFERENCES facility (id),
  -- AEFI: whose certificate the person showed. A walk-in is nobody yet.
  beneficiary_id uuid REFERENCES beneficiary (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  -- Set when the code was used, or the request refused for good (the ID document was already registered).
  closed_at timestamptz,
  CHECK ((purpose = 'aefi') = (beneficiary_id IS NOT NULL))
);
CREATE INDEX centre_otp_request_staff_idx ON centre_otp_request (staff_id, created_at);

-- One adverse event after one dose, as the centre reported it. Lists show only the case id, the
-- dose's vaccine, batch and number, severity, onset, outcome, and the age and gender kept here, so
-- reading them needs no personal data. Notes are free text and encrypted like personal data, in
-- case someone writes a name there despite the form's warning.
CREATE TABLE aefi_report (
  id uuid PRIMARY KEY,
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id),
  dose_record_id uuid NOT NULL REFERENCES dose_record (id),
  facility_id integer NOT NULL REFERENCES facility (id),
  district_id integer NOT NULL REFERENCES district (id),
  -- This year minus the year of birth, when reported, as Co-WIN counted ages.
  age integer NOT NULL CHECK (age BETWEEN 0 AND 130),
  gender_id integer NOT NULL CHECK (gender_id IN (1, 2, 3)),
  severity text NOT NULL CHECK (severity IN ('minor', 'serious', 'severe')),
  onset_at timestamptz NOT NULL,
  symptoms text[] NOT NULL CHECK (cardinality(symptoms) >= 1 AND symptoms <@ ARRAY[
    'fever', 'injection_site_reaction', 'headache', 'fatigue', 'myalgia', 'nausea_vomiting', 'syncope', 'allergic_reaction',
    'anaphylaxis', 'seizure', 'thrombosis_with_thrombocytopenia', 'guillain_barre_syndrome', 'myocarditis', 'other']::text[]),
  outcome text NOT NULL CHECK (outcome IN ('recovering', 'recovered', 'recovered_with_sequelae', 'hospitalised', 'died', 'unknown')),
  notes_enc text,
  reported_by uuid NOT NULL REFERENCES staff_account (id),
  reported_at timestamptz NOT NULL,
  -- Where the case stands now: the latest follow-up's severity and outcome, or the report's own.
  current_severity text NOT NULL CHECK (current_severity IN ('minor', 'serious', 'severe')),
  current_outcome text NOT NULL CHECK (current_outcome IN ('recovering', 'recovered', 'recovered_with_sequelae', 'hospitalised', 'died', 'unknown')),
  updated_at timestamptz NOT NULL
);
CREATE INDEX aefi_report_facility_idx ON aefi_report (facility_id, reported_at DESC, id);
CREATE INDEX aefi_report_district_idx ON aefi_report (district_id, reported_at DESC, id);
CREATE INDEX aefi_report_dose_idx ON aefi_report (dose_record_id);

-- How a case went on: each follow-up states the severity and outcome from then on, who said so and
-- when. Append-only, like the report itself: a case's history is evidence, so nothing is edited away.
CREATE TABLE aefi_follow_up (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES aefi_report (id),
  -- 1, 2, 3... within the case: the order follow-ups were written in, even within one second.
  seq integer NOT NULL CHECK (seq >= 1),
  severity text NOT NULL CHECK (severity IN ('minor', 'serious', 'severe')),
  outcome text NOT NULL CHECK (outcome IN ('recovering', 'recovered', 'recovered_with_sequelae', 'hospitalised', 'died', 'unknown')),
  notes_enc text,
  recorded_by uuid NOT NULL REFERENCES staff_account (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (report_id, seq)
);

CREATE FUNCTION aefi_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $aefi$
BEGIN
  RAISE EXCEPTION 'AEFI records are append-only (% on %)', TG_OP, TG_TABLE_NAME;
END
$aefi$;
CREATE TRIGGER aefi_follow_up_append_only BEFORE UPDATE OR DELETE ON aefi_follow_up FOR EACH ROW EXECUTE FUNCTION aefi_refuse_change();
CREATE TRIGGER aefi_report_kept BEFORE DELETE ON aefi_report FOR EACH ROW EXECUTE FUNCTION aefi_refuse_change();
-- Only where the case stands may change on a report; what was reported stays as it was.
CREATE TRIGGER aefi_report_as_reported BEFORE UPDATE OF id, beneficiary_id, dose_record_id, facility_id, district_id, age, gender_id,
  severity, onset_at, symptoms, outcome, notes_enc, reported_by, reported_at ON aefi_report
  FOR EACH ROW EXECUTE FUNCTION aefi_refuse_change();
