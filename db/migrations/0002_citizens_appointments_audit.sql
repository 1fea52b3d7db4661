-- Personal data enters here. Mobiles, names and ID numbers are stored only encrypted (*_enc,
-- AES-256-GCM, keys outside the database), beside a keyed blind index (*_bidx) for lookups and
-- uniqueness and a masked form for display (DESIGN.md §5). Citus: tables with personal data are
-- distributed by account_id.

CREATE TABLE account (
  id uuid PRIMARY KEY,
  mobile_enc text NOT NULL,
  mobile_bidx text NOT NULL UNIQUE,
  -- Co-WIN's beneficiaries list shows the last 4 digits of the mobile, never more.
  mobile_last4 text NOT NULL CHECK (mobile_last4 ~ '^\d{4}$'),
  created_at timestamptz NOT NULL
);

CREATE TABLE otp_transaction (
  id uuid PRIMARY KEY,
  mobile_bidx text NOT NULL,
  mobile_enc text NOT NULL,
  -- HMAC of the OTP's SHA-256 (what clients send), under a key the database never sees.
  otp_mac text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  consumed_at timestamptz
);
CREATE INDEX otp_transaction_mobile_idx ON otp_transaction (mobile_bidx, created_at);

CREATE TABLE auth_session (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  -- The one open captcha of this login (a keyed MAC of its answer); cleared by the first attempt.
  captcha_mac text,
  captcha_expires_at timestamptz
);
CREATE INDEX auth_session_account_idx ON auth_session (account_id);

CREATE TABLE beneficiary (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id),
  reference_id text NOT NULL UNIQUE CHECK (reference_id ~ '^[1-9]\d{13}$'),
  name_enc text NOT NULL,
  birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  gender_id integer NOT NULL CHECK (gender_id IN (1, 2, 3)),
  photo_id_type integer NOT NULL,
  photo_id_enc text NOT NULL,
  photo_id_masked text NOT NULL,
  comorbidity boolean NOT NULL,
  consent_version text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX beneficiary_account_idx ON beneficiary (account_id);

-- One registration per ID document nationwide. Kept apart from beneficiary so that the unique
-- key needs no account id (a Citus reference table) and says nothing about whose it is.
CREATE TABLE photo_id_claim (
  photo_id_bidx text PRIMARY KEY,
  beneficiary_id uuid NOT NULL UNIQUE REFERENCES beneficiary (id) ON DELETE CASCADE
);

CREATE TABLE dose_record (
  id uuid PRIMARY KEY,
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id),
  dose integer NOT NULL CHECK (dose BETWEEN 1 AND 3),
  vaccine text NOT NULL,
  administered_on text NOT NULL CHECK (administered_on ~ '^\d{4}-\d{2}-\d{2}$'),
  facility_id integer NOT NULL REFERENCES facility (id),
  session_id uuid REFERENCES vaccination_session (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (beneficiary_id, dose)
);

-- One row per person and booking. Co-WIN's appointment_id names the booking (`booking_id`), which
-- may cover several members of one account booked together; they are cancelled per member.
CREATE TABLE appointment (
  id uuid PRIMARY KEY,
  booking_id uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES account (id),
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES vaccination_session (id),
  dose integer NOT NULL CHECK (dose BETWEEN 1 AND 3),
  slot text NOT NULL,
  -- The 4-digit code the citizen shows the vaccinator: encrypted for the citizen's slip, and a
  -- keyed MAC so staff can check a code they are told without ever being shown one.
  security_code_enc text NOT NULL,
  security_code_mac text NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'cancelled', 'completed')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One live appointment per beneficiary, enforced by the database under any concurrency.
CREATE UNIQUE INDEX appointment_one_live_idx ON appointment (beneficiary_id) WHERE status = 'booked';
CREATE INDEX appointment_account_idx ON appointment (account_id);
CREATE INDEX appointment_booking_idx ON appointment (booking_id);
CREATE INDEX appointment_session_idx ON appointment (session_id);

CREATE TABLE correction_request (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id),
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('name', 'birth_year', 'gender', 'photo_id')),
  -- The corrected value the citizen asks for, encrypted like the field it would replace.
  requested_value_enc text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  created_at timestamptz NOT NULL
);
CREATE INDEX correction_request_status_idx ON correction_request (status, created_at);

-- Append-only, hash-chained log of access and security events (DESIGN.md §4). Each row carries
-- the SHA-256 of its own content and of the row before, so editing, deleting or reordering any
-- row breaks every hash after it.
CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  type text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  subject text,
  purpose text,
  fields text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL,
  ip text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq);
