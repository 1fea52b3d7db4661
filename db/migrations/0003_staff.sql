-- Staff accounts and their sessions (decision 0007). No secret is stored in a usable form:
-- passwords as scrypt hashes, TOTP secrets encrypted with a key outside the database, session
-- tokens as a keyed MAC. Citus: small, looked up by username or token; a reference table.

CREATE TABLE staff_account (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  -- scrypt, self-describing: $scrypt$ln=15,r=8,p=1$<salt>$<hash> (PHC string format).
  password_hash text NOT NULL CHECK (password_hash LIKE '$scrypt$%'),
  role text NOT NULL CHECK (role IN ('national_admin', 'state_admin', 'district_admin', 'facility_admin', 'vaccinator', 'auditor')),
  scope_level text NOT NULL CHECK (scope_level IN ('nation', 'state', 'district', 'facility')),
  -- Only the scope's own id is kept; the state of a district or centre comes from geography, so
  -- the two can never disagree.
  scope_state_id integer REFERENCES state (id),
  scope_district_id integer REFERENCES district (id),
  scope_facility_id integer REFERENCES facility (id),
  -- AES-256-GCM bound to this row; set at the password step before enrolment, confirmed by the first code.
  totp_secret_enc text,
  totp_enrolled_at timestamptz,
  -- The last 30-second step whose code was accepted: a code works once.
  totp_last_step integer,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until timestamptz,
  -- True while the password is the one-time password `teeka staff add` printed.
  password_must_change boolean NOT NULL,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  CHECK (
    (scope_level = 'nation' AND scope_state_id IS NULL AND scope_district_id IS NULL AND scope_facility_id IS NULL) OR
    (scope_level = 'state' AND scope_state_id IS NOT NULL AND scope_district_id IS NULL AND scope_facility_id IS NULL) OR
    (scope_level = 'district' AND scope_state_id IS NULL AND scope_district_id IS NOT NULL AND scope_facility_id IS NULL) OR
    (scope_level = 'facility' AND scope_state_id IS NULL AND scope_district_id IS NULL AND scope_facility_id IS NOT NULL)
  ),
  -- Each role acts at one level; the database refuses a vaccinator for a whole state.
  CHECK (
    (role IN ('national_admin', 'auditor') AND scope_level = 'nation') OR
    (role = 'state_admin' AND scope_level = 'state') OR
    (role = 'district_admin' AND scope_level = 'district') OR
    (role IN ('facility_admin', 'vaccinator') AND scope_level = 'facility')
  ),
  CHECK (totp_enrolled_at IS NULL OR totp_secret_enc IS NOT NULL)
);

CREATE TABLE staff_session (
  id uuid PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  -- HMAC-SHA-256 of the cookie's 256-bit random token; the token itself is never stored.
  token_mac text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX staff_session_staff_idx ON staff_session (staff_id);
