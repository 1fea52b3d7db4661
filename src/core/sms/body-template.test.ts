import { describe, expect, it } from 'vitest';
import { assertValidSmsBodyTemplate, DEFAULT_SMS_BODY_TEMPLATE, renderSmsBody } from './body-template.js';

describe('renderSmsBody', () => {
  it('fills the default template', () => {
    const body = renderSmsBody(DEFAULT_SMS_BODY_TEMPLATE, { to: '9876543210', text: 'Your OTP is 123456' });
    expect(JSON.parse(body)).toEqual({ sender: 'TEEKA', mobile: '919876543210', message: 'Your OTP is 123456' });
  });

  it('escapes quotes, backslashes and newlines so the text cannot add fields', () => {
    const text = 'a", "mobile": "9000000000\nline two \\ end';
    const body = renderSmsBody(DEFAULT_SMS_BODY_TEMPLATE, { to: '9876543210', text });
    const parsed = JSON.parse(body) as Record<string, string>;
    expect(parsed.message).toBe(text);
    expect(parsed.mobile).toBe('919876543210');
    expect(Object.keys(parsed)).toEqual(['sender', 'mobile', 'message']);
  });

  it('keeps Hindi text and control characters intact', () => {
    const text = 'आपका OTP 123456 है\t\u0000';
    const body = renderSmsBody('{"m":"{{text}}","t":"{{to}}"}', { to: '9876543210', text });
    expect(JSON.parse(body)).toEqual({ m: text, t: '9876543210' });
  });

  it('leaves placeholders inside the text as they are', () => {
    const body = renderSmsBody('{"m":"{{text}}","t":"{{to}}"}', { to: '9876543210', text: 'see {{to}}' });
    expect(JSON.parse(body)).toEqual({ m: 'see {{to}}', t: '9876543210' });
  });

  it('fills every occurrence of a placeholder', () => {
    const body = renderSmsBody('{"a":"{{to}}","b":"+91{{to}}","m":"{{text}}"}', { to: '9876543210', text: 'x' });
    expect(JSON.parse(body)).toEqual({ a: '9876543210', b: '+919876543210', m: 'x' });
  });
});

describe('assertValidSmsBodyTemplate', () => {
  it('accepts the default template', () => {
    expect(() => assertValidSmsBodyTemplate(DEFAULT_SMS_BODY_TEMPLATE)).not.toThrow();
  });

  it('refuses a template missing a placeholder', () => {
    expect(() => assertValidSmsBodyTemplate('{"mobile":"{{to}}"}')).toThrow('{{text}}');
  });

  it('refuses a placeholder outside a JSON string, where escaping cannot protect it', () => {
    expect(() => assertValidSmsBodyTemplate('{"mobile":"{{to}}","message":{{text}}}')).toThrow(/inside a string value/);
  });

  it('accepts a bare {{to}} for providers that want the mobile as a number', () => {
    const template = '{"mobile":91{{to}},"message":"{{text}}"}';
    expect(() => assertValidSmsBodyTemplate(template)).not.toThrow();
    expect(JSON.parse(renderSmsBody(template, { to: '9876543210', text: 'x' }))).toEqual({ mobile: 919876543210, message: 'x' });
  });

  it('refuses a template that is not JSON', () => {
    expect(() => assertValidSmsBodyTemplate('mobile={{to}}&message={{text}}')).toThrow(/JSON/);
  });
});
