-- Transparency notices (decision 0016): an SMS to the account when staff or a partner opens a
-- record outside a booked appointment. One row per account, actor and day (India time) claims that
-- day's notice, so a busy reviewer sends one text, not one per read. Rows older than yesterday are
-- of no further use and are removed when the account's next notice is claimed.
CREATE TABLE access_notice (
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'partner')),
  actor_id text NOT NULL,
  -- Calendar date in India, as YYYY-MM-DD text like every other date here, so no time zone can shift it.
  day text NOT NULL CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, day, actor_kind, actor_id)
);
