-- Staff review of correction requests (decision 0011). A request belongs to the district of the
-- centre of the person's live appointment, else of their latest dose, as it was when the request
-- was raised; with neither it has no district and only national admins see it.
ALTER TABLE correction_request ADD COLUMN facility_id integer REFERENCES facility (id);
ALTER TABLE correction_request ADD COLUMN district_id integer REFERENCES district (id);
ALTER TABLE correction_request ADD COLUMN reviewed_by uuid REFERENCES staff_account (id);
ALTER TABLE correction_request ADD COLUMN reviewed_at timestamptz;
-- What the reviewer wrote to the citizen, encrypted: a reviewer may quote a name or number in it.
ALTER TABLE correction_request ADD COLUMN rejection_reason_enc text;

-- Requests raised before this migration get their place the way new ones do.
UPDATE correction_request
SET facility_id = visit.facility_id, district_id = facility.district_id
FROM (
  SELECT pending.beneficiary_id, COALESCE(
    (SELECT s.facility_id FROM appointment a JOIN vaccination_session s ON s.id = a.session_id
      WHERE a.beneficiary_id = pending.beneficiary_id AND a.status = 'booked' LIMIT 1),
    (SELECT d.facility_id FROM dose_record d WHERE d.beneficiary_id = pending.beneficiary_id ORDER BY d.dose DESC LIMIT 1)
  ) AS facility_id
  FROM (SELECT DISTINCT beneficiary_id FROM correction_request) AS pending
) AS visit
JOIN facility ON facility.id = visit.facility_id
WHERE correction_request.beneficiary_id = visit.beneficiary_id;

ALTER TABLE correction_request ADD CONSTRAINT correction_request_place_check
  CHECK ((facility_id IS NULL) = (district_id IS NULL));
ALTER TABLE correction_request ADD CONSTRAINT correction_request_review_check CHECK (
  (status = 'open' AND reviewed_by IS NULL AND reviewed_at IS NULL AND rejection_reason_enc IS NULL) OR
  (status = 'accepted' AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL AND rejection_reason_enc IS NULL) OR
  (status = 'rejected' AND reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL AND rejection_reason_enc IS NOT NULL)
);

-- A district's queue, oldest first.
CREATE INDEX correction_request_queue_idx ON correction_request (district_id, created_at) WHERE status = 'open';

-- An accepted correction revokes a person's certificates and issues fresh ones for the same doses,
-- so a dose may have several certificates over time; still only one that is not revoked.
ALTER TABLE certificate DROP CONSTRAINT certificate_dose_record_id_key;
CREATE UNIQUE INDEX certificate_one_live_per_dose_idx ON certificate (dose_record_id) WHERE revoked_at IS NULL;
CREATE INDEX certificate_dose_record_idx ON certificate (dose_record_id);
