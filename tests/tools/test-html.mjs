// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium via playwright-core) with the
// network blocked, and checks: every finding row renders, a filter hides and shows rows, no console
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
  await page.selectOption('#filter-status', 'FAIL');
  if ((await visible()) !== fails) problems.push(`status filter shows ${await visible()}, expected ${fails}`);
  if (!(await page.locator('#shown-count').textContent()).startsWith(`${fails} /`)) problems.push('count not updated');
  await page.selectOption('#filter-status', '');
  if ((await visible()) !== total) problems.push('clearing the filter does not show every row again');
  const summaryRows = await page.locator('#summary tbody tr').count();
  if (summaryRows === 0) problems.push('no summary rows');
  if ((await page.locator('#chart rect').count()) !== 5) problems.push('chart has no bars');
  console.log(`${file}: ${total} rows, ${fails} FAIL, ${summaryRows} accounts`);
} finally {
  await browser.close();
}
for (const problem of problems) console.error(problem);
process.exit(problems.length ? 1 : 0);
