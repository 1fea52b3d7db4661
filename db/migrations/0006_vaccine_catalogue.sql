-- Planning (decision 0012): the vaccine catalogue moves from constants into this table, edited by the
-- national administrator only; centres record whether they are government or private; new centres
-- take their ids from a sequence. Citus: vaccine is a reference table, like facility.

CREATE TABLE vaccine (
  -- Co-WIN's spelling, upper case; sessions, fees, batches and dose records name vaccines by it, so
  -- it never changes once created.
  name text PRIMARY KEY CHECK (name ~ '^[A-Z0-9][A-Z0-9 .-]{1,29}$'),
  manufacturer text NOT NULL CHECK (length(manufacturer) BETWEEN 2 AND 120),
  -- Booking counts dose 1, dose 2 and one precaution dose; another series length needs booking rules first.
  doses_in_series integer NOT NULL CHECK (doses_in_series = 2),
  dose2_after_days integer NOT NULL CHECK (dose2_after_days BETWEEN 1 AND 365),
  precaution_after_days integer NOT NULL CHECK (precaution_after_days BETWEEN 1 AND 1095),
  -- The national maximum a private centre may charge per dose, in rupees.
  private_price_cap integer NOT NULL CHECK (private_price_cap BETWEEN 0 AND 100000),
  -- EU DCC value-set codes: vaccine type (vp), product (mp), marketing authorisation holder (ma).
  eu_vp text NOT NULL,
  eu_mp text NOT NULL,
  eu_ma text NOT NULL,
  -- CDC CVX code for SMART Health Cards; a vaccine without one gets EU DCC certificates only.
  cvx_code text CHECK (cvx_code ~ '^\d{1,3}$'),
  -- The age rules sessions of this vaccine may use: [{"min_age":18,"max_age":null,"allow_all_age":true}, ...]
  age_groups jsonb NOT NULL CHECK (jsonb_typeof(age_groups) = 'array' AND jsonb_array_length(age_groups) > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Exactly the five vaccines of src/modules/vaccination/vaccines.ts, eu-dcc/value-sets.ts and
-- smart-health-card/vaccine-codes.ts (src/modules/planning/catalogue-seed.test.ts compares them),
-- with India's 26-week precaution-dose gap of July 2022.
INSERT INTO vaccine (name, manufacturer, doses_in_series, dose2_after_days, precaution_after_days, private_price_cap, eu_vp, eu_mp, eu_ma, cvx_code, age_groups) VALUES
  ('COVISHIELD', 'Serum Institute of India', 2, 84, 182, 780, '29061000087103', 'Covishield', 'ORG-100001981', '210',
    '[{"min_age":18,"max_age":null,"allow_all_age":true},{"min_age":18,"max_age":44,"allow_all_age":false},{"min_age":45,"max_age":null,"allow_all_age":false}]'),
  ('COVAXIN', 'Bharat Biotech', 2, 28, 182, 1410, '1157024006', 'Covaxin', 'Bharat-Biotech', '502',
    '[{"min_age":18,"max_age":null,"allow_all_age":true},{"min_age":45,"max_age":null,"allow_all_age":false},{"min_age":15,"max_age":17,"allow_all_age":false}]'),
  ('SPUTNIK V', 'Dr. Reddy''s Laboratories (Gamaleya Institute)', 2, 21, 182, 1145, '29061000087103', 'Sputnik-V', 'Gamaleya-Research-Institute', '505',
    '[{"min_age":18,"max_age":null,"allow_all_age":true}]'),
  ('CORBEVAX', 'Biological E', 2, 28, 182, 990, '1162643001', 'Corbevax', 'Biological-E', '517',
    '[{"min_age":12,"max_age":14,"allow_all_age":false},{"min_age":18,"max_age":null,"allow_all_age":true}]'),
  ('COVOVAX', 'Serum Institute of India', 2, 21, 182, 900, '1162643001', 'Covovax', 'ORG-100001981', '211',
    '[{"min_age":18,"max_age":null,"allow_all_age":true}]');

-- Govt or Private. NULL on centres loaded in bulk without it (the demo seed): planning reads those as
-- Private when Paid, else Govt, which is what they are.
ALTER TABLE facility ADD COLUMN ownership text CHECK (ownership IN ('Govt', 'Private'));
-- Government centres have vaccinated free of charge since 21 June 2021.
ALTER TABLE facility ADD CONSTRAINT facility_govt_free_check CHECK (ownership IS DISTINCT FROM 'Govt' OR fee_type = 'Free');

-- Co-WIN's center_id was a plain integer. Demo centres count up from 560001, so centres created by
-- administrators start at 700001, or above the highest id already there.
CREATE SEQUENCE facility_id_seq START WITH 700001;
SELECT setval('facility_id_seq', GREATEST(700000, (SELECT coalesce(max(id), 0) FROM facility)));
