import type { ColumnType, Generated } from 'kysely';

/**
 * The tables Kysely knows about. Column names follow the SQL in db/migrations; each module's store
 * reads and writes only its own tables.
 */
export interface StateTable {
  id: number;
  name: string;
}

export interface DistrictTable {
  id: number;
  state_id: number;
  name: string;
  /** Order within the state, as Co-WIN's /districts answer listed them. */
  position: number;
}

export interface DistrictPincodeTable {
  district_id: number;
  pincode: number;
}

export interface FacilityTable {
  id: number;
  name: string;
  address: string;
  district_id: number;
  block_name: string;
  pincode: number;
  lat: number;
  long: number;
  opens_at: string;
  closes_at: string;
  fee_type: 'Free' | 'Paid';
  created_at: ColumnType<Date, Date | string | undefined, never>;
  /** Null on centres loaded in bulk without it (migration 0006). */
  ownership: 'Govt' | 'Private' | null;
}

export interface FacilityVaccineFeeTable {
  facility_id: number;
  vaccine: string;
  fee: number;
}

export interface VaccinationSessionTable {
  id: string;
  facility_id: number;
  /** Calendar date in India (IST), as YYYY-MM-DD text so no time zone can shift it. */
  date: string;
  vaccine: string;
  min_age_limit: number;
  max_age_limit: number | null;
  allow_all_age: boolean;
  capacity_dose1: number;
  capacity_dose2: number;
  booked_dose1: Generated<number>;
  booked_dose2: Generated<number>;
  slots: string[];
  /** Doses kept for people who come without booking, on top of the online capacity. */
  walk_in_capacity: Generated<number>;
  walk_ins: Generated<number>;
}

export interface AccountTable {
  id: string;
  mobile_enc: string;
  mobile_bidx: string;
  mobile_last4: string;
  created_at: Date;
}

export interface OtpTransactionTable {
  id: string;
  mobile_bidx: string;
  mobile_enc: string;
  otp_mac: string;
  created_at: Date;
  expires_at: Date;
  failed_attempts: Generated<number>;
  consumed_at: Date | null;
  /** Only 'login' OTPs log in; the others are read out to staff at a centre (migration 0007) or approve a consent (0011). */
  purpose: Generated<'login' | 'walk_in' | 'aefi' | 'consent'>;
}

export interface AuthSessionTable {
  id: string;
  account_id: string;
  issued_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  captcha_mac: string | null;
  captcha_expires_at: Date | null;
}

export interface BeneficiaryTable {
  id: string;
  account_id: string;
  reference_id: string;
  name_enc: string;
  birth_year: number;
  gender_id: number;
  photo_id_type: number;
  photo_id_enc: string;
  photo_id_masked: string;
  comorbidity: boolean;
  consent_version: string;
  created_at: Date;
}

export interface PhotoIdClaimTable {
  photo_id_bidx: string;
  beneficiary_id: string;
}

export interface DoseRecordTable {
  id: string;
  beneficiary_id: string;
  dose: number;
  vaccine: string;
  administered_on: string;
  facility_id: number;
  session_id: string | null;
  recorded_at: Date;
  batch_id: string | null;
  vaccinator_id: string | null;
  administered_at: Date | null;
}

export interface AppointmentTable {
  id: string;
  booking_id: string;
  account_id: string;
  beneficiary_id: string;
  session_id: string;
  dose: number;
  slot: string;
  security_code_enc: string;
  security_code_mac: string;
  status: 'booked' | 'cancelled' | 'completed';
  created_at: Date;
  updated_at: Date;
  /** Registered at the centre, counted against the session's walk_in_capacity. */
  walk_in: Generated<boolean>;
}

export interface CorrectionRequestTable {
  id: string;
  account_id: string;
  beneficiary_id: string;
  field: 'name' | 'birth_year' | 'gender' | 'photo_id';
  requested_value_enc: string;
  /** Plain text of requests raised before migration 0013, until the next start seals it into `reason_enc`. */
  reason: string | null;
  reason_enc: string | null;
  status: Generated<'open' | 'accepted' | 'rejected'>;
  created_at: Date;
  /** Where the request is reviewed (migration 0008): both null sends it to national admins. */
  facility_id: number | null;
  district_id: number | null;
  reviewed_by: Generated<string | null>;
  reviewed_at: Generated<Date | null>;
  rejection_reason_enc: Generated<string | null>;
}

export interface StaffAccountTable {
  id: string;
  username: string;
  password_hash: string;
  role: 'national_admin' | 'state_admin' | 'district_admin' | 'facility_admin' | 'vaccinator' | 'auditor';
  scope_level: 'nation' | 'state' | 'district' | 'facility';
  scope_state_id: number | null;
  scope_district_id: number | null;
  scope_facility_id: number | null;
  totp_secret_enc: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  password_must_change: boolean;
  created_at: Date;
  disabled_at: Date | null;
  /** Set while an alert's suspension holds (migration 0010, decision 0015). */
  suspended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface StaffSessionTable {
  id: string;
  staff_id: string;
  token_mac: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
}

export interface AuditEventTable {
  seq: number;
  at: Date;
  type: string;
  actor_kind: string;
  actor_id: string;
  subject: string | null;
  purpose: string | null;
  fields: string[];
  outcome: string;
  ip: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface VaccineBatchTable {
  id: string;
  facility_id: number;
  vaccine: string;
  batch_number: string;
  expires_on: string;
  quantity_received: number;
  quantity_left: number;
  received_at: Date;
}

export interface EncounterGrantTable {
  id: string;
  staff_id: string;
  facility_id: number;
  beneficiary_id: string;
  appointment_id: string | null;
  method: 'security_code' | 'otp';
  opened_at: Date;
  expires_at: Date;
}

export interface EncounterAttemptTable {
  appointment_id: string;
  failed_attempts: Generated<number>;
  otp_mac: string | null;
  otp_expires_at: Date | null;
}

export interface CertificateTable {
  id: string;
  beneficiary_id: string;
  dose_record_id: string;
  uvci: string;
  kind: 'provisional' | 'final' | 'precaution';
  issued_at: Date;
  revoked_at: Date | null;
  revocation_reason: string | null;
}

/** The vaccine catalogue (migration 0006), edited by the national administrator. */
export interface VaccineTable {
  name: string;
  manufacturer: string;
  doses_in_series: number;
  dose2_after_days: number;
  precaution_after_days: number;
  private_price_cap: number;
  eu_vp: string;
  eu_mp: string;
  eu_ma: string;
  cvx_code: string | null;
  /** JSON text in, parsed array out. */
  age_groups: ColumnType<{ min_age: number; max_age: number | null; allow_all_age: boolean }[], string, string>;
  updated_at: Date;
}

/** A code staff asked to be texted to a person at their centre (migration 0007, decision 0010). */
export interface CentreOtpRequestTable {
  id: string;
  token_mac: string;
  purpose: 'walk_in' | 'aefi';
  otp_transaction_id: string;
  staff_id: string;
  facility_id: number;
  beneficiary_id: string | null;
  created_at: Date;
  closed_at: Date | null;
}

type AefiSeverity = 'minor' | 'serious' | 'severe';
type AefiOutcome = 'recovering' | 'recovered' | 'recovered_with_sequelae' | 'hospitalised' | 'died' | 'unknown';

/** An adverse event following immunisation (migration 0007); only current_* change after insert. */
export interface AefiReportTable {
  id: string;
  beneficiary_id: string;
  dose_record_id: string;
  facility_id: number;
  district_id: number;
  age: number;
  gender_id: number;
  severity: AefiSeverity;
  onset_at: Date;
  symptoms: string[];
  outcome: AefiOutcome;
  notes_enc: string | null;
  reported_by: string;
  reported_at: Date;
  current_severity: AefiSeverity;
  current_outcome: AefiOutcome;
  updated_at: Date;
}

/** Append-only history of an AEFI case. */
export interface AefiFollowUpTable {
  id: string;
  report_id: string;
  seq: number;
  severity: AefiSeverity;
  outcome: AefiOutcome;
  notes_enc: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** One transparency SMS claimed for an account, an actor and a day in India (decision 0016). */
export interface AccessNoticeTable {
  account_id: string;
  actor_kind: 'staff' | 'partner';
  actor_id: string;
  day: string;
  sent_at: Date;
}

/** A registered partner (migration 0011, decision 0017). */
export interface PartnerTable {
  id: string;
  client_id: string;
  name: string;
  purpose: string;
  scopes: string[];
  ip_allowlist: string[];
  jwks: ColumnType<{ keys: Record<string, unknown>[] }, string, string>;
  requests_per_minute: number;
  requests_per_day: number;
  subjects_per_day: number;
  api_key_mac: string | null;
  api_key_created_at: Date | null;
  disabled_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PartnerAssertionJtiTable {
  partner_id: string;
  jti: string;
  expires_at: Date;
}

export interface PartnerAccessTokenTable {
  id: string;
  partner_id: string;
  token_mac: string;
  scopes: string[];
  issued_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface PartnerRequestCountTable {
  partner_id: string;
  window_kind: 'minute' | 'day';
  window_start: Date;
  used: number;
}

export interface ConsentRequestTable {
  id: string;
  partner_id: string;
  purpose: string;
  data: string[];
  expires_at: Date;
  approve_by: Date;
  redirect_uri: string | null;
  status: 'requested' | 'approved' | 'declined';
  account_id: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export interface ConsentTable {
  id: string;
  request_id: string;
  partner_id: string;
  account_id: string;
  beneficiary_id: string;
  subject_handle: string;
  purpose: string;
  data: string[];
  granted_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface ConsentOtpTable {
  otp_transaction_id: string;
  consent_request_id: string;
  account_id: string;
}

/** A signed checkpoint of the audit chain (migration 0009, decision 0013). */
export interface AuditCheckpointTable {
  first_seq: number;
  last_seq: number;
  prev_head: string;
  head_hash: string;
  merkle_root: string;
  signed_at: Date;
  kid: string;
  jws: string;
}

/** A breach by one actor and the notices it caused (migration 0009, decision 0014). */
export interface BreachIncidentTable {
  id: string;
  actor_kind: string;
  actor_id: string;
  since_key: string;
  since: Date | null;
  detected_at: Date;
}

export interface BreachNoticeTable {
  incident_id: string;
  account_id: string;
  sent_at: Date;
}

/** Distinct people an actor read and when last (migration 0010): the access budgets' count. */
export interface AccessBudgetReadTable {
  actor_kind: 'staff' | 'partner';
  actor_id: string;
  subject: string;
  last_read_at: Date;
}

export interface SecurityDenialTable {
  actor_kind: string;
  actor_id: string;
  at: Date;
}

export interface SecurityAlertTable {
  id: string;
  rule: 'budget' | 'denials' | 'off_hours' | 'jurisdiction' | 'canary';
  severity: 'medium' | 'high' | 'critical';
  actor_kind: 'citizen' | 'staff' | 'partner';
  actor_id: string;
  evidence: ColumnType<Record<string, string | number>, string, string>;
  occurrences: number;
  raised_at: Date;
  last_seen_at: Date;
  status: 'open' | 'acknowledged';
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
}

export interface ActorSuspensionTable {
  id: string;
  actor_kind: 'staff' | 'partner';
  actor_id: string;
  alert_id: string;
  suspended_at: Date;
  reinstated_at: Date | null;
  reinstated_by: string | null;
  reinstatement_reason: string | null;
}

export interface CanaryMarkTable {
  mac: string;
}

export interface Database {
  state: StateTable;
  district: DistrictTable;
  district_pincode: DistrictPincodeTable;
  facility: FacilityTable;
  facility_vaccine_fee: FacilityVaccineFeeTable;
  vaccination_session: VaccinationSessionTable;
  account: AccountTable;
  otp_transaction: OtpTransactionTable;
  auth_session: AuthSessionTable;
  beneficiary: BeneficiaryTable;
  photo_id_claim: PhotoIdClaimTable;
  dose_record: DoseRecordTable;
  appointment: AppointmentTable;
  correction_request: CorrectionRequestTable;
  audit_event: AuditEventTable;
  staff_account: StaffAccountTable;
  staff_session: StaffSessionTable;
  vaccine_batch: VaccineBatchTable;
  encounter_grant: EncounterGrantTable;
  encounter_attempt: EncounterAttemptTable;
  certificate: CertificateTable;
  vaccine: VaccineTable;
  centre_otp_request: CentreOtpRequestTable;
  aefi_report: AefiReportTable;
  aefi_follow_up: AefiFollowUpTable;
  access_notice: AccessNoticeTable;
  partner: PartnerTable;
  partner_assertion_jti: PartnerAssertionJtiTable;
  partner_access_token: PartnerAccessTokenTable;
  partner_request_count: PartnerRequestCountTable;
  consent_request: ConsentRequestTable;
  consent: ConsentTable;
  consent_otp: ConsentOtpTable;
  audit_checkpoint: AuditCheckpointTable;
  breach_incident: BreachIncidentTable;
  breach_notice: BreachNoticeTable;
  access_budget_read: AccessBudgetReadTable;
  security_denial: SecurityDenialTable;
  security_alert: SecurityAlertTable;
  actor_suspension: ActorSuspensionTable;
  canary_mark: CanaryMarkTable;
}
