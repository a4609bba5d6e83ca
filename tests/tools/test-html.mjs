// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium via playwright-core) with the
// network blocked, and checks: every finding row renders, FAIL first and by severity; the multi-select
// filters, the search and a column sort change the rows; severities are offered in severity order;
// status and severity are in the report's language; the font stack has Noto Sans CJK JP; no console
// error, no request leaves the page. Exit 0 ok, 1 failure, 77 when Chromium is not installed.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [file, expectedArg] = process.argv.slice(2);
// The expected row count is a number, or the JSON report of the same scan whose findings the page must show.
const expectedRows = expectedArg.endsWith('.json')
  ? JSON.parse((await import('node:fs')).readFileSync(expectedArg, 'utf8')).findings.length
  : Number(expectedArg);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no browser at ${executablePath}`);
  process.exit(77);
}
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href);
  const rows = page.locator('tr.finding');
  const total = await rows.count();
  if (total !== Number(expectedRows)) problems.push(`expected ${expectedRows} rows, found ${total}`);
  const visible = () => page.locator('tr.finding:visible').count();
  if ((await visible()) !== total) problems.push('not every row is visible before filtering');
  const fails = await page.locator('tr.finding[data-status="FAIL"]').count();
  const passes = await page.locator('tr.finding[data-status="PASS"]').count();
  const column = (name) => page.locator('tr.finding:visible').evaluateAll((all, key) => all.map((row) => row.dataset[key]), name);
  const statusOrder = ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'];
  const severityOrder = ['critical', 'high', 'medium', 'low', 'informational'];
  const statuses = await column('status');
  const severities = await column('severity');
  const byDefault = statuses.every((s, i) => i === 0 || statusOrder.indexOf(statuses[i - 1]) < statusOrder.indexOf(s)
    || (statuses[i - 1] === s && severityOrder.indexOf(severities[i - 1]) <= severityOrder.indexOf(severities[i])));
  if (!byDefault) problems.push('rows are not FAIL first, then by severity');
  const severityOptions = await page.locator('#filter-severity option').evaluateAll((all) => all.map((o) => o.value));
  if (severityOptions.join() !== severityOrder.filter((s) => severityOptions.includes(s)).join()) {
    problems.push(`severity filter not in severity order: ${severityOptions}`);
  }
  if (fails > 0) await page.selectOption('#filter-status', ['FAIL']);
  if (fails > 0 && (await visible()) !== fails) problems.push(`status filter shows ${await visible()}, expected ${fails}`);
  if (fails > 0 && !(await page.locator('#shown-count').textContent()).startsWith(`${fails} /`)) problems.push('count not updated');
  const statusValues = await page.locator('#filter-status option').evaluateAll((all) => all.map((o) => o.value));
  if (statusValues.join() !== statusOrder.filter((s) => statusValues.includes(s)).join()) {
    problems.push(`status filter not FAIL, UNKNOWN, PASS, NOT_APPLICABLE: ${statusValues}`);
  }
  if (statusValues.includes('PASS') && statusValues.includes('FAIL')) {
    await page.selectOption('#filter-status', ['FAIL', 'PASS']);
    if ((await visible()) !== fails + passes) problems.push('FAIL and PASS chosen together do not show both');
  }
  await page.selectOption('#filter-status', []);
  if ((await visible()) !== total) problems.push('clearing the filter does not show every row again');
  const firstAccount = (await column('account'))[0];
  const accountRows = await page.locator(`tr.finding[data-account="${firstAccount}"]`).count();
  await page.selectOption('#filter-account', [firstAccount]);
  if ((await visible()) !== accountRows) problems.push('account filter: wrong count');
  await page.click('#filter-clear');
  if ((await visible()) !== total) problems.push('"show all" does not show every row');
  await page.fill('#search', firstAccount);
  const found = await visible();
  if (found < accountRows || found === 0) problems.push(`search for ${firstAccount}: ${found} rows, fewer than its own`);
  await page.fill('#search', 'no-such-text-anywhere');
  if ((await visible()) !== 0) problems.push('a search for nothing still shows rows');
  await page.fill('#search', '');
  const before = (await column('id')).join();
  await page.click('#findings th[data-sort="account"]');
  const ascending = await column('account');
  if (!ascending.every((a, i) => i === 0 || ascending[i - 1].localeCompare(a) <= 0)) problems.push('sort by account failed');
  await page.click('#findings th[data-sort="account"]');
  const descending = await column('account');
  if (!descending.every((a, i) => i === 0 || descending[i - 1].localeCompare(a) >= 0)) problems.push('second click does not reverse');
  if (total > 1 && new Set(ascending).size > 1 && (await column('id')).join() === before) problems.push('sorting did not change the rows');
  await page.click('#findings th[data-sort="severity"]');
  const bySeverity = await column('severity');
  if (!bySeverity.every((s, i) => i === 0 || severityOrder.indexOf(bySeverity[i - 1]) <= severityOrder.indexOf(s))) {
    problems.push('sort by severity is not in severity order');
  }
  const lang = await page.locator('html').getAttribute('lang');
  const statusWords = lang === 'ja' ? ['失敗', '成功', '不明', '該当なし'] : statusOrder;
  const statusTexts = await page.locator('tr.finding td:first-child').allTextContents();
  if (!statusTexts.every((t) => statusWords.includes(t))) problems.push(`status not in ${lang}: ${statusTexts.slice(0, 3)}`);
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  if (!font.includes('Noto Sans CJK JP')) problems.push(`font stack lacks Noto Sans CJK JP: ${font}`);
  const summaryRows = await page.locator('#summary tbody tr').count();
  if (summaryRows === 0) problems.push('no summary rows');
  if ((await page.locator('#chart rect').count()) !== 5) problems.push('chart has no bars');
  console.log(`${file}: ${total} rows, ${fails} FAIL, ${summaryRows} accounts`);
} finally {
  await browser.close();
}
for (const problem of problems) console.error(problem);
process.exit(problems.length ? 1 : 0);
