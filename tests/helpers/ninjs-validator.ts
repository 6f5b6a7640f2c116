import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const REPO = resolve(import.meta.dirname, '../..');

/** A validator for IPTC's ninjs 3.1 JSON Schema (vendored in tests/fixtures/corpora). */
export function ninjsValidator(): (doc: unknown) => ErrorObject[] {
  const schema = JSON.parse(readFileSync(resolve(REPO, 'tests/fixtures/corpora/ninjs-schema/ninjs-schema_3.1.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats ships CommonJS: its default export is the plugin.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
  addFormats(ajv);
  // The places' geoJSON property refers to the external GeoJSON schema; Telex never emits it.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' });
  const validate = ajv.compile(schema);
  return (doc) => (validate(doc) ? [] : [...(validate.errors ?? [])]);
}
