-- At the centre: vaccine stock, encounter grants, dose records and certificates.

CREATE TABLE vaccine_batch (
  id uuid PRIMARY KEY,
  facility_id integer NOT NULL REFERENCES facility (id),
  vaccine text NOT NULL,
  batch_number text NOT NULL,
  expires_on text NOT NULL CHECK (expires_on ~ '^\d{4}-\d{2}-\d{2}$'),
  quantity_received integer NOT NULL CHECK (quantity_received > 0),
  -- Doses left; recording a dose takes one in the same transaction, never below zero.
  quantity_left integer NOT NULL CHECK (quantity_left BETWEEN 0 AND quantity_received),
  received_at timestamptz NOT NULL,
  UNIQUE (facility_id, vaccine, batch_number)
);

-- A vaccinator's permission to open one person's record at one centre, until the end of that day
-- (DESIGN.md §4). Opened only by the security code the citizen shows or an OTP the citizen reads out.
CREATE TABLE encounter_grant (
  id uuid PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff_account (id),
  facility_id integer NOT NULL REFERENCES facility (id),
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  appointment_id uuid REFERENCES appointment (id) ON DELETE SET NULL,
  method text NOT NULL CHECK (method IN ('security_code', 'otp')),
  opened_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX encounter_grant_lookup_idx ON encounter_grant (facility_id, beneficiary_id, expires_at);

-- Wrong security codes and OTPs per appointment: 4 digits are guessable without a limit.
CREATE TABLE encounter_attempt (
  appointment_id uuid PRIMARY KEY REFERENCES appointment (id) ON DELETE CASCADE,
  failed_attempts integer NOT NULL DEFAULT 0,
  otp_mac text,
  otp_expires_at timestamptz
);

ALTER TABLE dose_record ADD COLUMN batch_id uuid REFERENCES vaccine_batch (id);
ALTER TABLE dose_record ADD COLUMN vaccinator_id uuid REFERENCES staff_account (id);
ALTER TABLE dose_record ADD COLUMN administered_at timestamptz;

CREATE TABLE certificate (
  id uuid PRIMARY KEY,
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id),
  dose_record_id uuid NOT NULL UNIQUE REFERENCES dose_record (id),
  uvci text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('provisional', 'final', 'precaution')),
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revocation_reason text
);
CREATE INDEX certificate_beneficiary_idx ON certificate (beneficiary_id, issued_at);
