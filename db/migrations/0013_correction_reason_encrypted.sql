-- The citizen's reason for a correction is free text, and people write "my name is X, Aadhaar Y"
-- in it: it is encrypted now like the value it asks for (`reason_enc`). Requests raised before
-- this keep their plain `reason` until the next start of the server, which seals them (it holds
-- the keys; a migration does not). Exactly one of the two is ever set.
ALTER TABLE correction_request ADD COLUMN reason_enc text;
ALTER TABLE correction_request ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE correction_request ADD CONSTRAINT correction_request_reason_once
  CHECK ((reason IS NULL) <> (reason_enc IS NULL));
