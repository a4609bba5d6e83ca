// Starts `rootguard serve --port 0` on a store made from the example organization (two scans, one with a
// mutelist whose reason is hostile markup, and one trail run), reads the URL it prints, and checks with
// plain HTTP and headless Chromium (Debian's /usr/bin/chromium via playwright-core):
//   no token, a wrong token -> 403; a foreign Host -> 403; the security headers and the cookie;
//   the overview's trend chart has one point per run; filters (multi-select), search and sort change the
//   findings rows, FAIL first and severities in severity order by default; the detail page shows the
//   remediation and the history; a hostile mute reason is text; the timeline lists the trail events;
//   Japanese renders; no console error, no dialog, no request to anything but the server; SIGTERM stops it
//   with exit 0 and the token is printed once, on the URL line only.
// Screenshots of each page go to OUT_DIR. Exit 0 ok, 1 failure, 77 when Chromium or playwright-core is
// missing.
// Usage: node test-dashboard.mjs ROOTGUARD_BINARY SOURCE_DIR OUT_DIR
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [binary, sourceDir, outDir] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no browser at ${executablePath}`);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('playwright-core is not installed (tests/tools/setup)');
  process.exit(77);
}

const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };
const HOSTILE = '</script><img src=x onerror=alert(1)>';

// rootguard without a shell, from the source folder (the example paths are relative to it).
function rootguard(args, expected) {
  const result = spawnSync(binary, args, { cwd: sourceDir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== expected) throw new Error(`rootguard ${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
  return result;
}

function get(port, target, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: target, headers, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'rg-dashboard-'));
mkdirSync(outDir, { recursive: true });
const store = path.join(work, 'rootguard.db');
const mutelist = path.join(work, 'mutelist.yaml');
writeFileSync(mutelist, [
  'version: 1',
  'mutes:',
  '  - account: "222222222222"',
  '    control: root-hardware-mfa',
  `    reason: '${HOSTILE}'`,
  '    expires: 2027-03-31',
  '',
].join('\n'));
let server;
let browser;
try {
  rootguard(['scan', '--snapshot', 'examples/example-org', '--store', store, '--store-time', '2026-11-24T09:00:00Z',
    '--format', 'json'], 3);
  rootguard(['scan', '--snapshot', 'examples/example-org', '--store', store, '--store-time', '2026-12-01T09:00:00Z',
    '--mutelist', mutelist, '--mutelist-date', '2026-12-01', '--format', 'json'], 3);
  rootguard(['trail', 'examples/example-org/cloudtrail', '--store', store, '--threads', '1',
    '--store-time', '2026-12-02T09:00:00Z', '--format', 'json'], 3);

  server = spawn(binary, ['serve', '--store', store, '--port', '0', '--lang', 'en'], { cwd: sourceDir });
  let stdout = '';
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 10 s: ${stderr}`)), 10000);
    server.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/^(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64}))\n/m);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const { port, searchParams } = new URL(url);
  const token = searchParams.get('token');
  const origin = `http://127.0.0.1:${port}`;

  // Plain HTTP: refusals and headers.
  check((await get(port, '/')).status === 403, 'no token: not 403');
  check((await get(port, `/?token=${'0'.repeat(64)}`)).status === 403, 'wrong token: not 403');
  check((await get(port, '/api/runs', { Cookie: `rootguard_token_${port}=${'f'.repeat(64)}` })).status === 403, 'wrong cookie: not 403');
  const rebound = await get(port, `/?token=${token}`, { Host: `evil.example:${port}` });
  check(rebound.status === 403, `foreign Host: ${rebound.status}, not 403`);
  check(!/set-cookie/i.test(Object.keys(rebound.headers).join(' ')), 'foreign Host got a cookie');
  const first = await get(port, `/?token=${token}`);
  check(first.status === 200, `the printed URL: ${first.status}`);
  const csp = first.headers['content-security-policy'] ?? '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
    check(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
  }
  check(first.headers['x-content-type-options'] === 'nosniff', 'no nosniff');
  check(first.headers['referrer-policy'] === 'no-referrer', 'no Referrer-Policy');
  check(first.headers['cache-control'] === 'no-store', 'no Cache-Control: no-store');
  const cookie = (first.headers['set-cookie'] ?? []).join(';');
  check(cookie.startsWith(`rootguard_token_${port}=${token};`), 'the cookie is not rootguard_token_PORT=token');
  check(cookie.includes('HttpOnly') && cookie.includes('SameSite=Strict'), `cookie not HttpOnly+Strict: ${cookie}`);
  check((await get(port, '/api/runs', { Cookie: `rootguard_token_${port}=${token}` })).status === 200, 'the right cookie: not 200');
  const refused = await get(port, '/api/runs');
  check(refused.headers['content-security-policy'] === csp, 'a 403 lacks the CSP');
  const api = async (target) => JSON.parse((await get(port, `${target}${target.includes('?') ? '&' : '?'}token=${token}`)).body);
  const runs = await api('/api/runs');
  check(runs.length === 3, `expected 3 runs, found ${runs.length}`);
  const latestScan = runs.filter((r) => r.command === 'scan').at(-1);
  const { findings } = await api(`/api/runs/${latestScan.id}/findings`);
  const fails = findings.filter((f) => f.status === 'FAIL').length;
  const passes = findings.filter((f) => f.status === 'PASS').length;
  const muted = findings.find((f) => f.rule_id === 'root-hardware-mfa' && f.account === '222222222222');
  check(muted?.mute?.reason === HOSTILE, 'the hostile mute reason did not come back intact');

  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(`${origin}/`) && !target.startsWith('data:')) problems.push(`request: ${target}`);
  });
  // Every page is checked for a stray "null" / "undefined" (a missing value printed as text) when it is
  // photographed.
  const shot = async (name) => {
    const text = await page.locator('main').innerText();
    if (/\b(null|undefined|NaN)\b/.test(text)) problems.push(`${name}: "null", "undefined" or "NaN" shown`);
    await page.screenshot({ path: path.join(outDir, name), fullPage: true });
  };
  const pageReady = (name) => page.waitForSelector(`body[data-page="${name}"]`, { timeout: 10000 });

  // Overview.
  await page.goto(url);
  await pageReady('overview');
  check(!page.url().includes(token), 'the token stays in the address bar');
  const points = await page.locator('#trend circle.point').count();
  check(points === runs.length, `trend chart: ${points} points for ${runs.length} runs`);
  check((await page.locator('#fail-counts tr.account-row').count()) > 0, 'no FAIL counts per account');
  await shot('overview.png');

  // Findings: default order, filters, search, sort.
  await page.click('#nav-findings');
  await pageReady('findings');
  const rows = page.locator('tr.finding');
  const total = await rows.count();
  check(total === findings.length, `findings table: ${total} rows, the API has ${findings.length}`);
  const column = (attribute) => rows.evaluateAll((all, name) => all.map((row) => row.getAttribute(name)), attribute);
  const statusOrder = ['FAIL', 'UNKNOWN', 'PASS'];
  const severityOrder = ['critical', 'high', 'medium', 'low', 'informational'];
  const statuses = await column('data-status');
  const severities = await column('data-severity');
  const defaultOrdered = statuses.every((s, i) => i === 0
    || statusOrder.indexOf(statuses[i - 1]) < statusOrder.indexOf(s)
    || (statuses[i - 1] === s && severityOrder.indexOf(severities[i - 1]) <= severityOrder.indexOf(severities[i])));
  check(statuses[0] === 'FAIL' && defaultOrdered, 'default order is not FAIL first, then by severity');
  const severityOptions = await page.locator('#filter-severity option').evaluateAll((all) => all.map((o) => o.value));
  check(severityOptions.join() === severityOrder.filter((s) => severityOptions.includes(s)).join(),
    `severity filter not in severity order: ${severityOptions}`);
  await page.selectOption('#filter-status', ['FAIL']);
  check((await rows.count()) === fails, `status filter FAIL: ${await rows.count()} rows, expected ${fails}`);
  await page.selectOption('#filter-status', ['FAIL', 'PASS']);
  check((await rows.count()) === fails + passes, 'status filter FAIL+PASS: wrong count');
  check((await page.locator('#shown-count').textContent()).startsWith(`${fails + passes} / ${total}`), 'shown count not updated');
  await page.selectOption('#filter-status', []);
  const account = findings[0].account;
  await page.selectOption('#filter-account', [account]);
  const perAccount = findings.filter((f) => f.account === account).length;
  check((await rows.count()) === perAccount, `account filter: ${await rows.count()}, expected ${perAccount}`);
  await page.selectOption('#filter-account', []);
  const rule = findings[0].rule_id;
  await page.selectOption('#filter-control', [rule]);
  check((await rows.count()) === findings.filter((f) => f.rule_id === rule).length, 'control filter: wrong count');
  await page.selectOption('#filter-control', []);
  await page.fill('#search', 'root-hardware-mfa');
  const searched = await column('data-rule');
  check(searched.length > 0 && searched.length < total && searched.every((r) => r === 'root-hardware-mfa'),
    `search: ${searched.length} rows`);
  await page.fill('#search', '');
  check((await rows.count()) === total, 'clearing search and filters does not show every row');
  const before = (await column('data-id')).join();
  await page.click('th[data-key="account"]');
  const accounts = await column('data-account');
  check(accounts.every((a, i) => i === 0 || accounts[i - 1] <= a), 'sort by account ascending failed');
  check((await column('data-id')).join() !== before, 'sorting by account did not change the rows');
  await page.click('th[data-key="account"]');
  const descending = await column('data-account');
  check(descending.every((a, i) => i === 0 || descending[i - 1] >= a), 'sort by account descending failed');
  await page.click('th[data-key="severity"]');
  const bySeverity = await column('data-severity');
  check(bySeverity.every((s, i) => i === 0 || severityOrder.indexOf(bySeverity[i - 1]) <= severityOrder.indexOf(s)),
    'sort by severity is not in severity order');
  await shot('findings.png');

  // Detail of the first FAIL: remediation and history.
  await page.click('th[data-key="status"]');
  await page.locator('tr.finding[data-status="FAIL"] a').first().click();
  await pageReady('finding');
  const consoleSteps = (await page.locator('#remediation-console pre').textContent()) ?? '';
  check(consoleSteps.trim().length > 0, 'detail: no console remediation');
  check((await page.locator('#remediation-cli pre, #remediation-terraform pre, #remediation-limits pre').count()) > 0,
    'detail: no CLI, Terraform or limits section');
  check((await page.locator('#risk').textContent()).trim().length > 0, 'detail: no risk');
  check((await page.locator('#history tr.history-row').count()) >= 1, 'detail: no history');
  await shot('detail.png');

  // The muted finding: its hostile reason is text, and it has both scans in its history.
  await page.goto(`${origin}/#/finding/${muted.finding_id}`);
  await pageReady('finding');
  check((await page.locator('#mute-reason').textContent()) === HOSTILE, 'mute reason not shown as text');
  check((await page.locator('main img').count()) === 0, 'a stored value became an <img>');
  check((await page.locator('#history tr.history-row').count()) === 2, 'muted finding: history is not 2 runs');
  await shot('detail-muted.png');

  // Root-activity timeline.
  await page.click('#nav-timeline');
  await pageReady('timeline');
  const events = await page.locator('#timeline tr.event').count();
  const timeline = await api('/api/timeline');
  check(events > 0 && events === timeline.events.length, `timeline: ${events} rows, API ${timeline.events.length}`);
  const timed = timeline.events.filter((e) => e.event_time).length;
  check(timed > 0, 'timeline: no event has a time');
  check((await page.locator('#timeline-chart circle.event').count()) === timed, 'timeline chart: wrong number of points');
  await shot('timeline.png');

  // Japanese (the cookie is set: no token in this URL).
  await page.goto(`${origin}/?lang=ja#/findings`);
  await pageReady('findings');
  check((await page.locator('#nav-findings').textContent()) === '検出結果', 'ja: nav not Japanese');
  check((await page.locator('tr.finding[data-status="FAIL"] td').first().textContent()) === '失敗', 'ja: FAIL not 失敗');
  const jaSeverities = await page.locator('#filter-severity option').allTextContents();
  check(jaSeverities.every((s) => ['重大', '高', '中', '低', '情報'].includes(s)), `ja severities: ${jaSeverities}`);
  check((await page.locator('html').getAttribute('lang')) === 'ja', 'ja: html lang');
  await shot('findings-ja.png');
  await page.click('#nav-overview');
  await pageReady('overview');
  await shot('overview-ja.png');
  await page.click('#nav-timeline');
  await pageReady('timeline');
  check((await page.locator('h2').first().textContent()).includes('ルートユーザー'), 'ja: timeline heading');

  // A browser without the cookie: the bare URL and a wrong token are refused.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  check((await strangerPage.goto(`${origin}/`)).status() === 403, 'browser without token: not 403');
  check((await strangerPage.goto(`${origin}/?token=${'a'.repeat(64)}`)).status() === 403, 'browser wrong token: not 403');
  await stranger.close();

  // SIGTERM: a clean stop, and the token printed once, on the URL line only.
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  server.kill('SIGTERM');
  const { code, signal } = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ code: 'timeout' }), 5000))]);
  check(code === 0, `SIGTERM: exit ${code} ${signal ?? ''}`);
  server = null;
  check(stdout.split(token).length === 2, 'the token appears on stdout more than once');
  check(!stderr.includes(token), 'the token appears on stderr');
  console.log(`${origin}: ${runs.length} runs, ${total} findings (${fails} FAIL), ${events} timeline events; screenshots in ${outDir}`);
} catch (error) {
  problems.push(`error: ${error.stack ?? error}`);
} finally {
  if (browser) await browser.close();
  if (server) server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
for (const problem of problems) console.error(problem);
process.exit(problems.length ? 1 : 0);
