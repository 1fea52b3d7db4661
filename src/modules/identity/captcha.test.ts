import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CAPTCHA_ALPHABET, CONFUSABLE_CHARACTERS, createCaptcha, verifyCaptcha } from './captcha.js';

const hmacKey = randomBytes(32);
const now = new Date('2021-05-07T10:00:00+05:30');

// The regex Co-WIN clients use to delete noise lines before showing or solving the captcha (API-NOTES §3.4).
const CLIENT_NOISE_REGEX = /(<path d=)(.*?)(fill="none"\/>)/g;

describe('captcha in the svg-captcha format Co-WIN clients parse', () => {
  it('renders an SVG whose noise and glyphs the clients can tell apart', () => {
    const { svg } = createCaptcha({ hmacKey, now });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(CLIENT_NOISE_REGEX)?.length).toBe(2);
    const glyphs = svg.replace(CLIENT_NOISE_REGEX, '').match(/<path fill="#[0-9a-f]{6}" d="M[^"]*"\/>/g) ?? [];
    expect(glyphs).toHaveLength(5);
    expect(svg.replace(CLIENT_NOISE_REGEX, '')).not.toContain('fill="none"');
  });

  it('places glyphs far enough apart that the auto-solver can order them by their first M<x>', () => {
    // The solver keys glyphs by int(first x) in a dict, so two glyphs sharing a whole x would lose one.
    for (let i = 0; i < 50; i++) {
      const { svg } = createCaptcha({ hmacKey, now });
      const xs = [...svg.matchAll(/<path fill="#[0-9a-f]+" d="M(\d+)/g)].map((m) => Number(m[1]));
      expect(new Set(xs).size).toBe(5);
    }
  });
});

describe('captcha answers', () => {
  it('stores a keyed hash of the lower-cased answer, never the answer', () => {
    const challenge = createCaptcha({ hmacKey, now });
    expect(challenge.answer).toMatch(/^[A-Za-z0-9]{5}$/);
    expect(challenge.answerHash).toBe(
      createHmac('sha256', hmacKey).update(challenge.answer.toLowerCase()).digest('hex'),
    );
    expect(challenge.answerHash).not.toContain(challenge.answer);
    expect(challenge.expiresAt.getTime() - now.getTime()).toBe(5 * 60 * 1000);
  });

  it('accepts the right answer in any letter case and with stray spaces', () => {
    const challenge = createCaptcha({ hmacKey, now });
    const at = new Date(now.getTime() + 60_000);
    for (const answer of [challenge.answer, challenge.answer.toUpperCase(), challenge.answer.toLowerCase(), ` ${challenge.answer} `]) {
      expect(verifyCaptcha({ ...challenge, hmacKey, answer, now: at })).toBe(true);
    }
  });

  it('rejects a wrong answer, another key, a malformed hash and an expired challenge', () => {
    const challenge = createCaptcha({ hmacKey, now, ttlMs: 60_000 });
    const { answer, answerHash, expiresAt } = challenge;
    const wrong = (answer[0] === 'A' ? 'B' : 'A') + answer.slice(1);
    expect(verifyCaptcha({ hmacKey, answer: wrong, answerHash, expiresAt, now })).toBe(false);
    expect(verifyCaptcha({ hmacKey, answer: '', answerHash, expiresAt, now })).toBe(false);
    expect(verifyCaptcha({ hmacKey: randomBytes(32), answer, answerHash, expiresAt, now })).toBe(false);
    expect(verifyCaptcha({ hmacKey, answer, answerHash: answerHash.slice(2), expiresAt, now })).toBe(false);
    expect(verifyCaptcha({ hmacKey, answer, answerHash: answer, expiresAt, now })).toBe(false);
    expect(verifyCaptcha({ hmacKey, answer, answerHash, expiresAt, now: new Date(expiresAt.getTime() - 1) })).toBe(true);
    expect(verifyCaptcha({ hmacKey, answer, answerHash, expiresAt, now: expiresAt })).toBe(false);
    expect(verifyCaptcha({ hmacKey, answer, answerHash, expiresAt: new Date(Number.NaN), now })).toBe(false);
  });

  it('refuses a key too short to keep the hash secret', () => {
    expect(() => createCaptcha({ hmacKey: Buffer.alloc(0), now })).toThrow(RangeError);
  });

  it('draws every character about equally often and never a confusable one', () => {
    expect(CAPTCHA_ALPHABET).toHaveLength(55);
    const counts = new Map<string, number>();
    const rounds = 1500;
    for (let i = 0; i < rounds; i++) {
      for (const ch of createCaptcha({ hmacKey, now }).answer) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    for (const ch of CONFUSABLE_CHARACTERS) expect(counts.has(ch)).toBe(false);
    expect([...counts.keys()].sort()).toEqual([...CAPTCHA_ALPHABET].sort());
    // Chi-square with 54 degrees of freedom has mean 54 and sd ~10.4; 130 fails by chance about once in 10^7 runs.
    const expected = (rounds * 5) / CAPTCHA_ALPHABET.length;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(130);
  });
});
