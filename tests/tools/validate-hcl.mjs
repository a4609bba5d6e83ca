// Parses every .tf file under the given folders with HashiCorp's HCL parser (@cdktf/hcl2json, the Go
// hcl library compiled to WebAssembly), then checks what rootguard's fix Terraform must hold: resources
// only of the types it writes, with arguments those types have (required ones present), an `import`
// block only in a root module. Exit 0 valid, 1 invalid, 77 when
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

// The resource types `rootguard fix` writes (src/remediate/fix_terraform.cpp), each with its required
// arguments and the optional ones rootguard may use, transcribed from the Terraform AWS provider's
// documentation (registry.terraform.io/providers/hashicorp/aws, 5.x): a typo or an argument the
// provider does not have fails here, without downloading the provider.
const schema = {
  aws_organizations_policy: { required: ['name', 'content'], optional: ['description', 'type', 'skip_destroy', 'tags'] },
  aws_organizations_policy_attachment: { required: ['policy_id', 'target_id'], optional: ['skip_destroy'] },
  aws_iam_organizations_features: { required: ['enabled_features'], optional: [] },
  aws_guardduty_detector: { required: [], optional: ['enable', 'finding_publishing_frequency', 'tags'] },
  aws_cloudwatch_log_metric_filter: {
    required: ['name', 'pattern', 'log_group_name', 'metric_transformation'], optional: [],
    blocks: { metric_transformation: { required: ['name', 'namespace', 'value'], optional: ['default_value', 'unit'] } },
  },
  aws_sns_topic: { required: [], optional: ['name', 'display_name', 'policy', 'kms_master_key_id', 'tags'] },
  aws_sns_topic_subscription: { required: ['topic_arn', 'protocol', 'endpoint'], optional: ['raw_message_delivery'] },
  aws_cloudwatch_metric_alarm: {
    required: ['alarm_name', 'comparison_operator', 'evaluation_periods'],
    optional: ['metric_name', 'namespace', 'period', 'statistic', 'threshold', 'treat_missing_data', 'alarm_actions',
      'alarm_description', 'actions_enabled', 'datapoints_to_alarm', 'ok_actions', 'tags'],
  },
  aws_cloudwatch_event_rule: { required: [], optional: ['name', 'event_pattern', 'description', 'state', 'tags'] },
  aws_cloudwatch_event_target: { required: ['rule', 'arn'], optional: ['target_id', 'event_bus_name'] },
  aws_sns_topic_policy: { required: ['arn', 'policy'], optional: [] },
};
const meta = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']);

function checkArguments(file, where, body, spec) {
  const allowed = new Set([...spec.required, ...spec.optional, ...Object.keys(spec.blocks ?? {})]);
  for (const key of Object.keys(body)) {
    if (!allowed.has(key) && !meta.has(key)) {
      failed = true;
      console.error(`${file}: ${where} has no argument ${key}`);
    }
  }
  for (const key of spec.required) {
    if (!(key in body)) {
      failed = true;
      console.error(`${file}: ${where} lacks required ${key}`);
    }
  }
  for (const [block, blockSpec] of Object.entries(spec.blocks ?? {})) {
    for (const item of body[block] ?? []) checkArguments(file, `${where}.${block}`, item, blockSpec);
  }
}

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
    for (const [type, byName] of Object.entries(doc.resource ?? {})) {
      if (!(type in schema)) {
        failed = true;
        console.error(`${file}: unexpected resource type ${type}`);
        continue;
      }
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of bodies) checkArguments(file, `${type}.${name}`, body, schema[type]);
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
