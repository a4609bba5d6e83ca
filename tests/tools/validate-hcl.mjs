// Parses every .tf file under the given folders with HashiCorp's HCL parser (@cdktf/hcl2json, the Go
// hcl library compiled to WebAssembly), then checks what rootguard's fix Terraform must hold: resources
// only of the types it writes, an `import` block only in a root module. Exit 0 valid, 1 invalid, 77 when
// the parser is not installed (tests/tools/setup).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

let parse;
try {
  ({ parse } = await import('@cdktf/hcl2json'));
} catch {
  console.error('@cdktf/hcl2json is not installed: run tests/tools/setup');
  process.exit(77);
}

// The resource types `rootguard fix` writes (src/remediate/fix_terraform.cpp).
const known = new Set([
  'aws_organizations_policy', 'aws_organizations_policy_attachment', 'aws_iam_organizations_features',
  'aws_guardduty_detector', 'aws_cloudwatch_log_metric_filter', 'aws_sns_topic', 'aws_sns_topic_subscription',
  'aws_cloudwatch_metric_alarm', 'aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target', 'aws_sns_topic_policy',
]);

function files(path) {
  if (statSync(path).isFile()) return path.endsWith('.tf') ? [path] : [];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

let failed = false;
let parsed = 0;
for (const root of process.argv.slice(2)) {
  for (const file of files(root)) {
    let doc;
    try {
      doc = await parse(file, readFileSync(file, 'utf8'));
    } catch (error) {
      failed = true;
      console.error(`${file}: ${error.message ?? error}`);
      continue;
    }
    parsed += 1;
    for (const type of Object.keys(doc.resource ?? {})) {
      if (!known.has(type)) {
        failed = true;
        console.error(`${file}: unexpected resource type ${type}`);
      }
    }
    if (doc.import && !file.endsWith(`${root.replace(/\/$/, '')}/main.tf`)) {
      failed = true;
      console.error(`${file}: import blocks belong in the root module`);
    }
  }
}
console.log(`${parsed} Terraform files parsed`);
process.exit(failed || parsed === 0 ? 1 : 0);
