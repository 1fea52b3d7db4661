/**
 * The request body the HTTP gateway posts, built from a JSON template with `{{to}}` and `{{text}}`
 * placeholders, because every Indian SMS provider names its fields differently.
 *
 * Values are JSON-escaped, not pasted: a quote or newline in the text must not end the string and
 * add fields of its own. Substitution is one pass, so a text containing `{{to}}` stays literal.
 */
export const DEFAULT_SMS_BODY_TEMPLATE = '{"sender":"TEEKA","mobile":"91{{to}}","message":"{{text}}"}';

export interface SmsBodyValues {
  to: string;
  text: string;
}

const PLACEHOLDER = /\{\{(to|text)\}\}/g;

export function renderSmsBody(template: string, values: SmsBodyValues): string {
  return template.replace(PLACEHOLDER, (_match, name: keyof SmsBodyValues) => escapeForJsonString(values[name]));
}

/**
 * Checks a template once, at start-up, so a typo in configuration stops the server instead of
 * failing the first citizen who asks for an OTP. Rendering with a text full of JSON's special
 * characters also proves `{{text}}` sits inside a string, where escaping protects it. `{{to}}` may
 * stand bare (`"mobile": 91{{to}}`) for providers that want a number: it is always ten digits.
 */
export function assertValidSmsBodyTemplate(template: string): void {
  for (const name of ['{{to}}', '{{text}}']) {
    if (!template.includes(name)) throw new Error(`The SMS body template must contain ${name}`);
  }
  try {
    JSON.parse(renderSmsBody(template, { to: '9876543210', text: 'a "quoted"\nline \\ with } and ]' }));
  } catch {
    throw new Error('The SMS body template must be JSON with {{text}} inside a string value');
  }
}

/** The inside of a JSON string literal: JSON.stringify's escaping without its surrounding quotes. */
function escapeForJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
