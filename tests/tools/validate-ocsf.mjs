// Validates OCSF events against tests/schemas/ocsf-1.1.0-findings.schema.json (required attributes of
// Compliance Finding 2003 and Detection Finding 2004, written from the OCSF 1.1.0 spec) with ajv.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
let failed = false;
for (const file of files) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  if (!validate(doc)) {
    failed = true;
    console.error(file, JSON.stringify(validate.errors.slice(0, 20), null, 2));
  }
  if (!Array.isArray(doc) || doc.length === 0) {
    failed = true;
    console.error(`${file}: no events`);
  }
  console.log(`${file}: ${doc.length} events checked`);
}
process.exit(failed ? 1 : 0);
