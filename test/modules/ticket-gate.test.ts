import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md §4 and decision 0005: the access module is the single gate to personal data. Mobiles,
 * names and ID numbers live only in encrypted `*_enc` columns, so code that reads personal data must
 * select one of those columns; this test parses every source file (TypeScript's own parser) and
 * fails when a function that selects one does not take a `Ticket`, the branded type only
 * `AccessService.authorize` can make. A few functions may, each listed below with why.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Encrypted columns that hold no one's personal data; every other `*_enc` column, today's and tomorrow's, counts as personal. */
const notPersonal: Record<string, string> = {
  security_code_enc: 'the 4-digit code on an appointment slip: a secret the citizen shows staff, which identifies no one; staff never see it (they type it)',
  totp_secret_enc: 'a staff member\'s authenticator secret, used only to check their own sign-in',
  notes_enc: 'clinical notes of an adverse-event case, which never carries identity (decision 0010 and the form say so), shown only to staff whose scope covers the case',
};

/** Functions that select a personal column without a Ticket parameter, by `file#function`, and why they may. */
const allowed: Record<string, { reason: string }> = {
  'src/modules/identity/store.ts#selectOtpTransactionForUpdate': {
    reason: 'the mobile of a pending OTP: whoever types its code proves they hold that phone, which is how a citizen\'s account (and so any ticket) comes to exist; the code is checked before the mobile is used',
  },
  'src/modules/beneficiaries/correction-review-store.ts#selectRequest': {
    reason: 'a correction request read to check the reviewer\'s jurisdiction; its requested value and reason are decrypted only after access.authorize grants the reviewer that field (correction-review.ts open and accept)',
  },
  'src/modules/beneficiaries/correction-review-store.ts#lockRequest': {
    reason: 'locks the request inside accept(), which has already been granted the field by access.authorize',
  },
  'src/modules/beneficiaries/store.ts#selectCorrectionRequests': {
    reason: 'the citizen\'s own requests with their reasons and a reviewer\'s reason for rejecting them, read only for the account that made them (where account_id = the signed-in account)',
  },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function encryptedColumns(): string[] {
  const dir = path.join(root, 'db/migrations');
  const columns = new Set<string>();
  for (const file of fs.readdirSync(dir)) {
    for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\b([a-z][a-z0-9_]*_enc)\b/g)) columns.add(match[1]!);
  }
  return [...columns].sort();
}

interface Reader {
  /** `src/modules/beneficiaries/store.ts#selectPersonal` */
  key: string;
  name: string;
  columns: string[];
  takesTicket: boolean;
}

type FunctionNode = ts.SignatureDeclaration & { name?: ts.PropertyName | ts.BindingName };

function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  return current as FunctionNode | undefined;
}

function nameOf(fn: FunctionNode | undefined): string {
  if (!fn) return '(module)';
  if (fn.name) return fn.name.getText();
  // const selectX = (db) => ...
  if (ts.isVariableDeclaration(fn.parent)) return fn.parent.name.getText();
  return '(anonymous)';
}

const takesTicket = (fn: FunctionNode | undefined) =>
  fn?.parameters.some((p) => p.type !== undefined && /\bTicket\b/.test(p.type.getText())) ?? false;

const SELECTING = new Set(['select', 'selectAll', 'returning', 'returningAll']);

/** Every function in one file that selects (or returns from a write) a personal encrypted column. */
function readersIn(relative: string, text: string, personal: Set<string>): Reader[] {
  const readers: Reader[] = [];
  const source = ts.createSourceFile(relative, text, ts.ScriptTarget.Latest, true);
  // Column lists kept in a module-level const (`const summaryColumns = [...] as const`).
  const constants = new Map<string, ts.Node>();
  source.forEachChild((node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const declaration of node.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
    }
  });
  const stringsIn = (node: ts.Node): string[] => {
    const found: string[] = [];
    const seen = new Set<string>();
    const walk = (n: ts.Node) => {
      if (ts.isStringLiteralLike(n)) found.push(n.text);
      else if (ts.isIdentifier(n) && constants.has(n.text) && !seen.has(n.text)) {
        seen.add(n.text);
        walk(constants.get(n.text)!);
      }
      n.forEachChild(walk);
    };
    walk(node);
    return found;
  };
  const columnsOf = (strings: string[]) =>
    [...new Set(strings.flatMap((s) => s.split(/[\s,()]+/)).map((s) => s.replace(/^.*\./, '')).filter((s) => personal.has(s)))];
  const note = (node: ts.Node, columns: string[]) => {
    if (columns.length === 0) return;
    const fn = enclosingFunction(node);
    const name = nameOf(fn);
    readers.push({ key: `${relative}#${name}`, name, columns, takesTicket: takesTicket(fn) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && SELECTING.has(callee.name.text)) note(node, columnsOf(node.arguments.flatMap(stringsIn)));
    }
    // Raw SQL: sql`SELECT name_enc ...`
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'sql' && /^\s*(SELECT|WITH)\b/i.test(node.template.getText().slice(1))) {
      note(node, columnsOf([node.template.getText()]));
    }
    node.forEachChild(visit);
  };
  visit(source);
  return readers;
}

function findReaders(personal: Set<string>): Reader[] {
  return sourceFiles(path.join(root, 'src')).flatMap((file) =>
    readersIn(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8'), personal));
}

const columns = encryptedColumns();
const personal = new Set(columns.filter((c) => !(c in notPersonal)));
const readers = findReaders(personal);

describe('the access module is the only way to personal data (decision 0005)', () => {
  it('knows what each encrypted column holds', () => {
    expect(columns).toEqual(expect.arrayContaining(['mobile_enc', 'name_enc', 'photo_id_enc']));
    for (const column of Object.keys(notPersonal)) expect(columns, `${column} is no longer in any migration`).toContain(column);
  });

  it('sees the readers it guards: the ticketed ones among them', () => {
    expect(readers).toContainEqual(expect.objectContaining({ key: 'src/modules/beneficiaries/store.ts#selectPersonal', takesTicket: true }));
    expect(readers).toContainEqual(expect.objectContaining({ key: 'src/modules/identity/store.ts#selectAccountMobile', takesTicket: true }));
  });

  it('catches a reader without a ticket, however it names its columns', () => {
    const store = `
      const personalColumns = ['id', 'name_enc'] as const;
      export function selectByMobile(db: Db, bidx: string) {
        return db.selectFrom('beneficiary').innerJoin('account', 'account.id', 'beneficiary.account_id')
          .select(['beneficiary.id', 'account.mobile_enc as mobile']).where('account.mobile_bidx', '=', bidx).execute();
      }
      export const selectNames = (db: Db) => db.selectFrom('beneficiary').select(personalColumns).execute();
      export async function rawNames(db: Db) { return sql\`SELECT photo_id_enc FROM beneficiary\`.execute(db); }
      export function selectOwn(db: Db, ticket: Ticket) { return db.selectFrom('beneficiary').select(['name_enc']).execute(); }
      export function insertOne(db: Db) { return db.insertInto('beneficiary').values({ name_enc: 'x' }).execute(); }`;
    expect(readersIn('src/modules/x/store.ts', store, personal).map((r) => [r.name, r.columns, r.takesTicket])).toEqual([
      ['selectByMobile', ['mobile_enc'], false],
      ['selectNames', ['name_enc'], false],
      ['rawNames', ['photo_id_enc'], false],
      ['selectOwn', ['name_enc'], true],
    ]);
  });

  it('finds no function that selects personal data without a ticket, except those listed with a reason', () => {
    const unticketed = readers.filter((r) => !r.takesTicket && !(r.key in allowed));
    expect(unticketed.map((r) => `${r.key} selects ${r.columns.join(', ')} without a Ticket parameter`)).toEqual([]);
  });

  it('lists no exception that no longer exists', () => {
    const found = new Set(readers.filter((r) => !r.takesTicket).map((r) => r.key));
    expect(Object.keys(allowed).filter((key) => !found.has(key))).toEqual([]);
  });
});
