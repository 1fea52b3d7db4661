#!/usr/bin/env node
// `npm run bench -- <name>` runs bench/<name>.ts (TypeScript through tsx, like bin/teeka.js).
import fs from 'node:fs';
import { register } from 'tsx/esm/api';

const name = process.argv[2];
const available = fs.readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name>\nBenchmarks: ${available.join(', ')}`);
  process.exit(2);
}
register();
await import(`./${name}.bench.ts`);
