// Validates output files against the project's JSON Schemas (schemas/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { PACKAGE_ROOT } from '../src/data.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
for (const file of readdirSync(join(PACKAGE_ROOT, 'schemas'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', file), 'utf8')));
}

/** Errors of `value` against schemas/<name>.schema.json, as readable lines (empty when valid). */
export function schemaErrors(name: 'article' | 'event' | 'event-group' | 'entity' | 'dyads' | 'manifest', value: unknown): string[] {
  const validate = ajv.getSchema(`newsevents/${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
