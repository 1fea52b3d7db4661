-- Walk-ins: a share of a session kept for people who come without booking (issue 4). It sits on
-- top of the online capacity, so booking and the public availability answers are unchanged.
ALTER TABLE vaccination_session ADD COLUMN walk_in_capacity integer NOT NULL DEFAULT 0 CHECK (walk_in_capacity >= 0);
ALTER TABLE vaccination_session ADD COLUMN walk_ins integer NOT NULL DEFAULT 0;
ALTER TABLE vaccination_session ADD CONSTRAINT vaccination_session_walk_ins_check CHECK (walk_ins BETWEEN 0 AND walk_in_capacity);

-- A walk-in is registered at the centre and gets an appointment there and then, counted against
-- walk_in_capacity instead of booked_dose1/2.
ALTER TABLE appointment ADD COLUMN walk_in boolean NOT NULL DEFAULT false;
