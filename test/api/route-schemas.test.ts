import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registeredRoutes as registered } from '../support/registered-routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Decision 0018: every route of the API takes only what its schema names. Fastify is set to refuse
 * unknown properties (not to drop them), and this test walks every route the real app registers
 * and checks each body, query string and path-parameter schema: objects close with
 * `additionalProperties: false`, strings have a maximum length, arrays a maximum size, numbers a
 * range, and values with a format (ids, dates, codes, mobiles) a pattern or format. A new route
 * without such a schema fails here.
 */

// Every route registered inside the API scope, where the access check sees it.
vi.mock('../../src/core/access-level.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/access-level.js')>();
  const { notingRoutes } = await import('../support/registered-routes.js');
  return { ...actual, requireAccessDeclarations: notingRoutes(actual.requireAccessDeclarations) };
});

type Part = 'body' | 'querystring' | 'params';
type Schema = Record<string, unknown>;

/**
 * The exceptions, each with its reason. Only the Co-WIN v2 facade has any: its clients in the field
 * send what the real API accepted, and the facade answers bad values with Co-WIN's own error codes.
 */
const COWIN = /^\/api\/v2\//;
const exceptions = {
  /** API-NOTES §1 "Unknown query params": clients add parameters of their own (e.g. `vaccine=` on any search), which Co-WIN ignored. Extra values are still strings of bounded length, and few. */
  openQuery: (url: string, part: Part) => COWIN.test(url) && part === 'querystring',
  /**
   * API-NOTES §5: Co-WIN answers a missing or malformed PIN code, date, id or mobile with its own codes
   * (USRRES0001, APPOIN0018, USRAUT0010...), which the facade produces (src/api/cowin-v2/params.ts and the
   * identity and booking services); a schema pattern would answer a generic INVALID_INPUT instead.
   */
  formatCheckedByFacade: (url: string) => COWIN.test(url),
};

/** Names of values that have a format, which the schema must state (a pattern, a format, or a list of values). */
const FORMATTED = /(^id$|_id$|Id$|^date$|_date$|_on$|_at$|^from$|^to$|mobile|otp|pincode|security_code|uvci)/;

function describeWhere(part: Part, path: string[]): string {
  return [part, ...path].join('.');
}

function problemsOf(schema: Schema, where: { url: string; part: Part; path: string[] }): string[] {
  const here = describeWhere(where.part, where.path);
  const problems: string[] = [];
  if ('const' in schema || Array.isArray(schema.enum)) return problems;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) {
      for (const branch of branches) problems.push(...problemsOf(branch as Schema, where));
      return problems;
    }
  }
  const types = [schema.type].flat().filter((t): t is string => typeof t === 'string');
  if (types.length === 0) return [`${here} accepts any value: give it a type`];
  for (const type of types) {
    switch (type) {
      case 'object': {
        const open = schema.additionalProperties;
        if (open !== false) {
          const bounded = typeof open === 'object' && open !== null && (open as Schema).type === 'string'
            && typeof (open as Schema).maxLength === 'number' && typeof schema.maxProperties === 'number';
          if (!(bounded && exceptions.openQuery(where.url, where.part))) problems.push(`${here} must set additionalProperties: false`);
        }
        for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
          problems.push(...problemsOf(property, { ...where, path: [...where.path, name] }));
        }
        break;
      }
      case 'string': {
        if (typeof schema.maxLength !== 'number' && schema.format !== 'uuid') problems.push(`${here} must set maxLength`);
        const name = where.path.at(-1) ?? '';
        if (FORMATTED.test(name) && schema.pattern === undefined && schema.format === undefined && !exceptions.formatCheckedByFacade(where.url)) {
          problems.push(`${here} has a format: give it a pattern or format`);
        }
        break;
      }
      case 'integer':
      case 'number':
        if (typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number') problems.push(`${here} must set minimum and maximum`);
        break;
      case 'array':
        if (typeof schema.maxItems !== 'number') problems.push(`${here} must set maxItems`);
        if (schema.items) problems.push(...problemsOf(schema.items as Schema, { ...where, path: [...where.path, '[]'] }));
        break;
      case 'boolean':
      case 'null':
        break;
      default:
        problems.push(`${here} has an unexpected type ${type}`);
    }
  }
  return problems;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function routeProblems(route: RouteOptions): string[] {
  const problems: string[] = [];
  const schema = (route.schema ?? {}) as Partial<Record<Part, Schema>>;
  const methods = [route.method].flat();
  if (route.url.includes(':') && !schema.params) problems.push('takes path parameters: declare a params schema');
  if (methods.some((m) => WITH_BODY.has(m)) && !schema.body) problems.push('takes a body: declare a body schema (NoBody when it reads none)');
  const handler = route.handler.toString();
  if (!schema.querystring && /\.query\b/.test(handler)) problems.push('reads the query string: declare a querystring schema');
  for (const part of ['body', 'querystring', 'params'] as const) {
    if (schema[part]) problems.push(...problemsOf(schema[part], { url: route.url, part, path: [] }));
  }
  return problems.map((p) => `${methods.join(',')} ${route.url}: ${p}`);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('strict schemas on every route (decision 0018)', () => {
  it('sees the whole API', () => {
    const urls = registered.map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(['/api/v2/auth/public/generateOTP', '/api/staff/login', '/api/staff/planning/centres', '/api/citizen/corrections']));
    expect(registered.length).toBeGreaterThan(50);
  });

  it('gives every body, query string and path parameter a closed, bounded schema', () => {
    expect(registered.flatMap(routeProblems)).toEqual([]);
  });

  it('refuses an unknown property with 400 naming it, instead of dropping it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/verify', payload: { qr: 'HC1:x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errorCode: 'INVALID_INPUT', error: expect.stringMatching(/extra/) });
  });

  it('keeps the Co-WIN fields real clients send, and answers anything else in Co-WIN\'s envelope', async () => {
    const secret = 'U2FsdGVkX1+z/4Nr9nta+2DrVJSv7KS6VoRZhPYx2AfHmCZeJIHVwGVzcT3zDrqRuQrhrv8zHXg+ENxb0ID3mw==';
    const withSecret = await t.app.inject({ method: 'POST', url: '/api/v2/auth/generateMobileOTP', payload: { mobile: '9876543210', secret } });
    expect(withSecret.statusCode).toBe(200);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v2/auth/public/generateOTP', payload: { mobile: '9876543211', pin: '1234' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ errorCode: 'INVALID_INPUT', error: expect.stringMatching(/pin/) });
    // API-NOTES §1: unknown query parameters are ignored, as Co-WIN did.
    const search = await t.app.inject({ url: '/api/v2/appointment/sessions/public/findByPin?pincode=400080&date=01-01-2030&utm_source=bot' });
    expect(search.statusCode).toBe(200);
  });

  it('bounds even the Co-WIN query strings', async () => {
    const res = await t.app.inject({ url: `/api/v2/appointment/sessions/public/findByPin?pincode=400080&date=01-01-2030&x=${'a'.repeat(500)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errorCode).toBe('INVALID_INPUT');
  });
});
