import { Type } from '@sinclair/typebox';

/**
 * The body schema of a POST or DELETE that reads none (decision 0018: every route that can take a
 * body declares what it takes): nothing at all, or an empty JSON object, which Co-WIN clients and
 * browsers' fetch send. Anything in it is refused, like any property a schema does not name.
 */
export const NoBody = Type.Union([Type.Null(), Type.Object({}, { additionalProperties: false })], { description: 'no body, or {}' });
