-- Budgets, detection and suspension (decision 0015).

-- A staff account an alert suspended: refused at sign-in and on every request, its sessions ended,
-- until an auditor reinstates it.
ALTER TABLE staff_account ADD COLUMN suspended_at timestamptz;

-- The distinct people each staff member or partner read, with the time of the latest read: the
-- access module's budgets count the rows read in the last hour and since midnight (India time).
-- Reading someone again only moves their time, so reopening a record costs nothing. Each actor's
-- rows older than both windows are removed at their first read after a quiet spell.
CREATE TABLE access_budget_read (
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'partner')),
  actor_id text NOT NULL,
  subject text NOT NULL,
  last_read_at timestamptz NOT NULL,
  PRIMARY KEY (actor_kind, actor_id, subject)
);
CREATE INDEX access_budget_read_recent_idx ON access_budget_read (actor_kind, actor_id, last_read_at);

-- Recent refusals per actor, for the many-refusals rule; each new one removes those older than the window.
CREATE TABLE security_denial (
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX security_denial_actor_idx ON security_denial (actor_kind, actor_id, at);

-- What a rule noticed. Evidence holds counts, audit event numbers and subject ids, never a name,
-- mobile or ID number. Repeats of an open alert add to it instead of flooding the console.
CREATE TABLE security_alert (
  id uuid PRIMARY KEY,
  rule text NOT NULL CHECK (rule IN ('budget', 'denials', 'off_hours', 'jurisdiction', 'canary')),
  severity text NOT NULL CHECK (severity IN ('medium', 'high', 'critical')),
  actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'staff', 'partner')),
  actor_id text NOT NULL,
  evidence jsonb NOT NULL,
  occurrences integer NOT NULL CHECK (occurrences > 0),
  raised_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'acknowledged')),
  acknowledged_by uuid REFERENCES staff_account (id),
  acknowledged_at timestamptz,
  CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL))
);
CREATE UNIQUE INDEX security_alert_open_idx ON security_alert (rule, actor_kind, actor_id) WHERE status = 'open';
CREATE INDEX security_alert_recent_idx ON security_alert (raised_at DESC, id);

-- Credentials an alert suspended. One live row per actor; the partners module refuses a partner
-- with one, the staff module keeps staff_account.suspended_at in step with it.
CREATE TABLE actor_suspension (
  id uuid PRIMARY KEY,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'partner')),
  actor_id text NOT NULL,
  alert_id uuid NOT NULL REFERENCES security_alert (id),
  suspended_at timestamptz NOT NULL,
  reinstated_at timestamptz,
  reinstated_by uuid REFERENCES staff_account (id),
  reinstatement_reason text CHECK (length(reinstatement_reason) BETWEEN 10 AND 500),
  CHECK ((reinstated_at IS NULL) = (reinstated_by IS NULL) AND (reinstated_at IS NULL) = (reinstatement_reason IS NULL))
);
CREATE UNIQUE INDEX actor_suspension_live_idx ON actor_suspension (actor_kind, actor_id) WHERE reinstated_at IS NULL;

-- Canary records: HMAC-SHA-256 of their account and member ids under a key kept outside the
-- database. Without that key nobody can tell which accounts and people these are.
CREATE TABLE canary_mark (
  mac text PRIMARY KEY
);
