// Validates SARIF files against the official SARIF 2.1.0 JSON schema (draft-04, via ajv-draft-04), then
// GitHub code scanning's extra rule: no absolute artifact URIs. Exit 0 valid, 1 invalid.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
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
  let results = 0;
  for (const run of doc.runs ?? []) {
    for (const result of run.results ?? []) {
      results += 1;
      for (const location of result.locations ?? []) {
        const uri = location.physicalLocation?.artifactLocation?.uri ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) {
          failed = true;
          console.error(`${file}: absolute URI ${uri}`);
        }
      }
      if (!result.partialFingerprints) {
        failed = true;
        console.error(`${file}: result without partialFingerprints`);
      }
    }
  }
  if (results === 0) {
    failed = true;
    console.error(`${file}: no results`);
  }
  console.log(`${file}: ${results} results checked`);
}
process.exit(failed ? 1 : 0);
