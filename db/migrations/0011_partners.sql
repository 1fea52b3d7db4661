-- Partners and citizens' consents (decision 0017): a research council, a document wallet or a health
-- app, registered by a national admin, calling with OAuth 2.0 client credentials (private_key_jwt).

-- A registered partner. Its public keys (a JWKS) check the assertions it signs; the private keys never
-- reach Teeka. Every secret handed to it (the Co-WIN x-api-key, access tokens) is kept only as a keyed MAC.
CREATE TABLE partner (
  id uuid PRIMARY KEY,
  client_id text NOT NULL UNIQUE CHECK (client_id ~ '^[A-Za-z0-9_-]{8,64}$'),
  name text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 100),
  purpose text NOT NULL CHECK (char_length(purpose) BETWEEN 2 AND 500),
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1
    AND scopes <@ ARRAY['consented', 'vaccination_status', 'certificate_pull', 'aggregates']::text[]),
  -- Addresses and CIDR blocks calls may come from; anything else is refused and recorded.
  ip_allowlist text[] NOT NULL CHECK (cardinality(ip_allowlist) BETWEEN 1 AND 50),
  jwks jsonb NOT NULL,
  requests_per_minute integer NOT NULL CHECK (requests_per_minute BETWEEN 1 AND 100000),
  requests_per_day integer NOT NULL CHECK (requests_per_day BETWEEN 1 AND 100000000),
  -- Distinct people it may read a day: its budget in the access module (decision 0015).
  subjects_per_day integer NOT NULL CHECK (subjects_per_day BETWEEN 0 AND 10000000),
  api_key_mac text UNIQUE,
  api_key_created_at timestamptz,
  disabled_at timestamptz,
  created_by uuid NOT NULL REFERENCES staff_account (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((api_key_mac IS NULL) = (api_key_created_at IS NULL))
);

-- Assertion ids (`jti`) already used, until the assertion itself would have expired: RFC 7523 §3
-- lets the server refuse a replayed assertion, and Teeka always does.
CREATE TABLE partner_assertion_jti (
  partner_id uuid NOT NULL REFERENCES partner (id),
  jti text NOT NULL CHECK (char_length(jti) BETWEEN 1 AND 200),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (partner_id, jti)
);
CREATE INDEX partner_assertion_jti_expiry_idx ON partner_assertion_jti (expires_at);

-- Five-minute bearer tokens, kept as a keyed MAC of the token.
CREATE TABLE partner_access_token (
  id uuid PRIMARY KEY,
  partner_id uuid NOT NULL REFERENCES partner (id),
  token_mac text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX partner_access_token_partner_idx ON partner_access_token (partner_id, expires_at);

-- Requests per minute and per day (India time), counted per partner in fixed windows.
CREATE TABLE partner_request_count (
  partner_id uuid NOT NULL REFERENCES partner (id),
  window_kind text NOT NULL CHECK (window_kind IN ('minute', 'day')),
  window_start timestamptz NOT NULL,
  used integer NOT NULL,
  PRIMARY KEY (partner_id, window_kind, window_start)
);

-- What a partner asks a citizen for. It names no one: the citizen opens the approval link, signed in,
-- and picks the family member; until then the partner knows nothing about who will answer.
CREATE TABLE consent_request (
  id uuid PRIMARY KEY,
  partner_id uuid NOT NULL REFERENCES partner (id),
  purpose text NOT NULL CHECK (char_length(purpose) BETWEEN 2 AND 200),
  data text[] NOT NULL CHECK (cardinality(data) >= 1 AND data <@ ARRAY['vaccination_status', 'certificates']::text[]),
  -- When the consent, once given, ends; fixed when asked so the citizen sees the real end date.
  expires_at timestamptz NOT NULL,
  -- When the request lapses unanswered.
  approve_by timestamptz NOT NULL,
  redirect_uri text CHECK (char_length(redirect_uri) <= 500),
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'declined')),
  -- The account that answered; the request is theirs alone from then on.
  account_id uuid REFERENCES account (id),
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  CHECK ((status = 'requested') = (account_id IS NULL AND decided_at IS NULL))
);
CREATE INDEX consent_request_partner_idx ON consent_request (partner_id, created_at);

-- A consent the citizen approved with an OTP. `subject_handle` is the only name the partner gets for
-- the person: a keyed MAC of partner and person, so two partners' handles for one person differ.
CREATE TABLE consent (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL UNIQUE REFERENCES consent_request (id),
  partner_id uuid NOT NULL REFERENCES partner (id),
  account_id uuid NOT NULL REFERENCES account (id),
  beneficiary_id uuid NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  subject_handle text NOT NULL CHECK (subject_handle ~ '^[A-Za-z0-9_-]{43}$'),
  purpose text NOT NULL,
  data text[] NOT NULL CHECK (cardinality(data) >= 1 AND data <@ ARRAY['vaccination_status', 'certificates']::text[]),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX consent_partner_subject_idx ON consent (partner_id, subject_handle);
CREATE INDEX consent_partner_beneficiary_idx ON consent (partner_id, beneficiary_id);
CREATE INDEX consent_account_idx ON consent (account_id, granted_at DESC);

-- A code texted to the signed-in citizen's own mobile to approve one consent request.
CREATE TABLE consent_otp (
  otp_transaction_id uuid PRIMARY KEY REFERENCES otp_transaction (id),
  consent_request_id uuid NOT NULL REFERENCES consent_request (id),
  account_id uuid NOT NULL REFERENCES account (id)
);

-- Approving a consent is confirmed with an OTP to the account's own mobile; like a centre code, it
-- never logs anyone in (only 'login' codes do).
ALTER TABLE otp_transaction DROP CONSTRAINT otp_transaction_purpose_check;
ALTER TABLE otp_transaction ADD CONSTRAINT otp_transaction_purpose_check CHECK (purpose IN ('login', 'walk_in', 'aefi', 'consent'));
