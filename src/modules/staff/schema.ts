import { Type } from '@sinclair/typebox';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';

export const ErrorView = Type.Object({ errorCode: Type.String(), error: Type.String() });

// Lengths are capped so no request can make the server hash megabytes; the rules that need the
// account (password policy, lockout) live in the service.
const Secret = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
const Code = Type.String({ minLength: 1, maxLength: 16, description: 'the 6 digits the authenticator app shows' });
const ChallengeToken = Type.String({ minLength: 1, maxLength: 1024 });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Secret,
}, { additionalProperties: false });

export const TotpBody = Type.Object({ challenge_token: ChallengeToken, code: Code }, { additionalProperties: false });

export const EnrolBody = Type.Object({ enrolment_token: ChallengeToken, code: Code }, { additionalProperties: false });

export const PasswordBody = Type.Object({ current: Secret, new: Secret }, { additionalProperties: false });

export const LoginStepView = Type.Object({
  step: Type.Union([Type.Literal('enrol_totp'), Type.Literal('totp')]),
  /** enrol_totp: proves the password step to POST /totp/enrol, for 5 minutes. */
  enrolment_token: Type.Optional(Type.String()),
  otpauth_url: Type.Optional(Type.String()),
  qr_svg: Type.Optional(Type.String()),
  /** totp: proves the password step to POST /login/totp, for 5 minutes. */
  challenge_token: Type.Optional(Type.String()),
});

export const SignedInView = Type.Object({
  step: Type.Union([Type.Literal('done'), Type.Literal('change_password')]),
});

export const CsrfView = Type.Object({ token: Type.String() });

export const ProfileView = Type.Object({
  username: Type.String(),
  role: Type.String(),
  scope: Type.Object({
    level: Type.Union([Type.Literal('nation'), Type.Literal('state'), Type.Literal('district'), Type.Literal('facility')]),
    state_id: Type.Optional(Type.Integer()),
    district_id: Type.Optional(Type.Integer()),
    facility_id: Type.Optional(Type.Integer()),
    name: Type.String(),
  }),
});

export const ChainView = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first row whose hash or link does not match, or under a forged or mismatching checkpoint (decision 0013). */
  broken_at: Type.Optional(Type.Integer()),
  /** What is wrong there, in one English sentence. */
  problem: Type.Optional(Type.String()),
  /** The last row a good signed checkpoint seals; absent before the first checkpoint. */
  sealed_through: Type.Optional(Type.Integer()),
});
