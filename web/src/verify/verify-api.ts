/**
 * `POST /api/verify`: anyone may ask, no login. The server's answer type lives in
 * src/modules/certificates/routes.ts (`VerifyView`), which is not a leaf schema file the web app may
 * import, so `VerifyAnswer` mirrors it here; keep the two in step.
 */
export interface VerifyAnswer {
  valid: boolean;
  /** Why not, as an English sentence; verify-text.ts translates the ones it knows. */
  reason?: string;
  certificate?: {
    name: string;
    age: number;
    vaccine: string;
    /** "1/2": this dose of the series. */
    dose: string;
    /** YYYY-MM-DD */
    date: string;
    status: 'valid' | 'revoked';
  };
}

export type VerifyFailure =
  | { kind: 'unavailable' }
  /** The server refused the request itself (a 4xx with Co-WIN's error body), not the certificate. */
  | { kind: 'rejected'; message: string };

export class VerifyError extends Error {
  constructor(readonly failure: VerifyFailure) {
    super(failure.kind);
    this.name = 'VerifyError';
  }
}

/** The body limit of the route: longer text cannot be a certificate, so it is refused before sending. */
export const MAX_QR_LENGTH = 8000;

function isVerifyAnswer(body: unknown): body is VerifyAnswer {
  return typeof body === 'object' && body !== null && typeof (body as VerifyAnswer).valid === 'boolean';
}

export async function verifyCertificate(qr: string, signal?: AbortSignal): Promise<VerifyAnswer> {
  let response: Response;
  try {
    response = await fetch('/api/verify', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ qr }),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new VerifyError({ kind: 'unavailable' });
  }
  // 5xx bodies carry only a request id, nothing a verifier can act on.
  const body: unknown = response.status < 500 ? await response.json().catch(() => undefined) : undefined;
  if (response.ok && isVerifyAnswer(body)) return body;
  const message = (body as { error?: unknown } | undefined)?.error;
  if (response.status >= 400 && response.status < 500 && typeof message === 'string') {
    throw new VerifyError({ kind: 'rejected', message });
  }
  throw new VerifyError({ kind: 'unavailable' });
}
