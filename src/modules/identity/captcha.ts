import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import svgCaptchaModule from 'svg-captcha';

/**
 * The captcha Co-WIN asked for before `schedule` (May–June 2021), served by
 * `POST /v2/auth/getRecaptcha` as `{"captcha":"<svg ...>"}` (API-NOTES §3.4).
 *
 * The SVG comes from the npm `svg-captcha` library with its default font because clients depend on
 * that exact shape: they delete noise with `(<path d=)(.*?)(fill="none"/>)`, and one auto-solver
 * reads each glyph `<path fill="#..." d="M<x> ...">`, orders glyphs by their first `M<x>` and maps the
 * path-command letters to a character. Another font or another renderer would break both.
 *
 * The answer is chosen here with `crypto.randomInt`. svg-captcha's own `create()` picks text with
 * Math.random, which is predictable; we only let it use Math.random for noise, jitter and colours,
 * which hide nothing. Only an HMAC of the answer is meant to be stored, so a database dump does not
 * hand out answers, and the answer itself goes to no log or response.
 */

export interface CaptchaChallenge {
  svg: string;
  /** keyed hash of the answer to store server-side; never the answer */
  answerHash: string;
  expiresAt: Date;
}

const DEFAULT_TTL_MS = 5 * 60 * 1000;
const ANSWER_LENGTH = 5;

/** svg-captcha's default character set (lib/char-preset.js). */
const SVG_CAPTCHA_PRESET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Characters people misread in the Comismsh font, so a correct reader would still fail. */
export const CONFUSABLE_CHARACTERS = '0Oo1lIi';
/** 55 characters: the preset minus confusables. */
export const CAPTCHA_ALPHABET = [...SVG_CAPTCHA_PRESET].filter((ch) => !CONFUSABLE_CHARACTERS.includes(ch)).join('');

interface SvgCaptchaRenderOptions {
  width?: number;
  height?: number;
  noise?: number;
  color?: boolean;
  fontSize?: number;
}
/**
 * svg-captcha's module export is itself a function `(text, options) => svg` that renders text we
 * chose (lib/index.js `module.exports = createCaptcha`), but its index.d.ts only declares the named
 * helpers, whose `create()` picks its own text with Math.random. Hence this narrow cast.
 */
const renderCaptchaSvg = svgCaptchaModule as unknown as (text: string, options?: SvgCaptchaRenderOptions) => string;

/**
 * Options passed on every call rather than set on svg-captcha's global `options`, so another
 * caller of the library cannot change them (a global `loadFont()` would still change the font).
 * At 160 px wide each of the 5 glyphs starts (first `M<x>`) inside its own 26 px slot, so the
 * auto-solver's ordering by x matches the answer; 5,000 renders showed no exception.
 */
const RENDER_OPTIONS: SvgCaptchaRenderOptions = { width: 160, height: 50, noise: 2, color: true };

export function createCaptcha(options: {
  hmacKey: Buffer;
  now: Date;
  ttlMs?: number;
}): CaptchaChallenge & { answer: string /* only for tests; callers must not log or return it */ } {
  assertUsableKey(options.hmacKey);
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError('captcha ttlMs must be a positive number');

  const answer = randomAnswer();
  return {
    svg: renderCaptchaSvg(answer, RENDER_OPTIONS),
    answerHash: hashAnswer(options.hmacKey, answer),
    expiresAt: new Date(options.now.getTime() + ttlMs),
    answer,
  };
}

/**
 * True when `answer` matches, in any letter case, and the challenge has not expired. It does not
 * make a challenge single-use: the caller must delete the stored hash after the first attempt,
 * right or wrong, or one challenge allows unlimited guesses within its lifetime.
 */
export function verifyCaptcha(options: {
  hmacKey: Buffer;
  answer: string;
  answerHash: string;
  expiresAt: Date;
  now: Date;
}): boolean {
  assertUsableKey(options.hmacKey);
  // A challenge expires at expiresAt itself; a NaN date compares false and so also counts as expired.
  if (!(options.now.getTime() < options.expiresAt.getTime())) return false;
  // Co-WIN users typed the answer in whatever case they saw fit ("aB3dE"), with stray spaces from copying.
  const offered = Buffer.from(hashAnswer(options.hmacKey, options.answer.trim()), 'hex');
  const stored = /^[0-9a-f]{64}$/i.test(options.answerHash) ? Buffer.from(options.answerHash, 'hex') : undefined;
  // Both digests are 32 bytes once the stored hash is well-formed, as timingSafeEqual requires.
  return stored !== undefined && timingSafeEqual(offered, stored);
}

function randomAnswer(): string {
  let answer = '';
  for (let i = 0; i < ANSWER_LENGTH; i++) answer += CAPTCHA_ALPHABET[randomInt(CAPTCHA_ALPHABET.length)];
  return answer;
}

/** HMAC-SHA256(key, lower-cased answer), hex: case folding happens before hashing so any case verifies. */
function hashAnswer(hmacKey: Buffer, answer: string): string {
  return createHmac('sha256', hmacKey).update(answer.toLowerCase(), 'utf8').digest('hex');
}

function assertUsableKey(hmacKey: Buffer): void {
  // An empty key would still "work", silently turning the keyed hash into a plain, brute-forceable one.
  if (hmacKey.length < 16) throw new RangeError('captcha hmacKey must be at least 16 bytes');
}
