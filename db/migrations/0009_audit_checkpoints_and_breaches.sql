-- Signed checkpoints of the audit chain (decision 0013). Each seals one segment of rows,
-- first_seq to last_seq, by its head hash and Merkle root; prev_head is the head hash of the
-- checkpoint before, so checkpoints form a chain of their own. jws is the signed form (ES256) and
-- is what counts: the other columns repeat its claims for queries and are checked against it.
-- Expiry removes old segments' rows and checkpoints but keeps the newest expired checkpoint, whose
-- signed head anchors the oldest row kept.
CREATE TABLE audit_checkpoint (
  first_seq bigint PRIMARY KEY,
  last_seq bigint NOT NULL UNIQUE,
  prev_head text NOT NULL,
  head_hash text NOT NULL,
  merkle_root text NOT NULL,
  signed_at timestamptz NOT NULL,
  kid text NOT NULL,
  jws text NOT NULL,
  CHECK (last_seq >= first_seq)
);

-- A personal-data breach by one actor (decision 0014): what `teeka breach report` found and whom
-- it told. One incident per actor and start time, so running the report again finds the same one.
CREATE TABLE breach_incident (
  id text PRIMARY KEY,
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  -- '' when the report covers everything the actor ever did.
  since_key text NOT NULL,
  since timestamptz,
  detected_at timestamptz NOT NULL,
  UNIQUE (actor_id, since_key)
);

-- The DPDP Rule 7 notice each affected account was sent, at most once per incident.
CREATE TABLE breach_notice (
  incident_id text NOT NULL REFERENCES breach_incident (id),
  account_id uuid NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, account_id)
);
