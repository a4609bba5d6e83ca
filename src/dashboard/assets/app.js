// The rootguard dashboard: a single page over the JSON API of `rootguard serve` (decision 0021).
// Every value from the store is put into the page with textContent or as an attribute value through
// createElement / setAttribute, never parsed as HTML, so a hostile resource name or mute reason stays
// text. No request goes anywhere but back to this server.
'use strict';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'];
// FAIL first: what needs work comes first; NOT_APPLICABLE last, there is nothing to do (decision 0028).
const STATUSES = ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'];

const WORDS = {
  en: {
    title: 'rootguard: root-user risk',
    overview: 'Overview',
    findings: 'Findings',
    timeline: 'Root activity',
    run: 'Run',
    runs: 'Runs',
    latestScan: 'Latest scan run',
    failByAccount: 'FAIL findings by account and severity (latest scan run)',
    account: 'Account',
    total: 'Total',
    trend: 'FAIL findings per run',
    status: 'Status',
    severity: 'Severity',
    control: 'Control',
    titleColumn: 'Title',
    region: 'Region',
    resource: 'Resource',
    muted: 'Muted',
    search: 'Search',
    shown: 'shown',
    yes: 'yes',
    no: 'no',
    started: 'Started',
    command: 'Command',
    detail: 'Finding',
    risk: 'Risk',
    explanation: 'Why the rule is shaped this way',
    reason: 'Reason',
    reasonNotStored:
      'The store keeps ids and verdicts, not the reason text with the values seen (they quote the account); ' +
      'the run\'s own report has it.',
    mute: 'Mute',
    notMuted: 'Not muted',
    mutedBy: 'Muted by',
    expires: 'until',
    remediation: 'Remediation',
    console: 'Console',
    cli: 'AWS CLI',
    terraform: 'Terraform',
    limits: 'Limits',
    history: 'History across runs',
    noRuns: 'This store has no runs yet: run rootguard scan --store or trail --store.',
    noTrail: 'No root activity: this store has no trail runs with matched events.',
    eventTime: 'Event time',
    detection: 'Detection',
    unknownTime: 'time unknown',
    truncated: 'Only the latest events are shown',
    unknownRule: 'This rootguard does not know the rule (a store from another version).',
    back: 'Back to the findings',
    loadFailed: 'Could not load',
    rootUser: 'root user',
    sev: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', informational: 'informational' },
    st: { FAIL: 'FAIL', PASS: 'PASS', UNKNOWN: 'UNKNOWN', NOT_APPLICABLE: 'N/A' },
    notApplicable: 'This control does not apply in this account\'s partition, so there is nothing to fix ' +
      '(the run\'s report says why).',
  },
  ja: {
    title: 'rootguard: ルートユーザーのリスク',
    overview: '概要',
    findings: '検出結果',
    timeline: 'ルートユーザーの操作',
    run: '実行',
    runs: '実行履歴',
    latestScan: '最新のスキャン',
    failByAccount: 'アカウント・重要度ごとの失敗（最新のスキャン）',
    account: 'アカウント',
    total: '合計',
    trend: '実行ごとの失敗数',
    status: '結果',
    severity: '重要度',
    control: 'コントロール',
    titleColumn: 'タイトル',
    region: 'リージョン',
    resource: 'リソース',
    muted: '抑制',
    search: '検索',
    shown: '件を表示',
    yes: 'はい',
    no: 'いいえ',
    started: '開始',
    command: 'コマンド',
    detail: '検出結果',
    risk: 'リスク',
    explanation: 'このルールの考え方',
    reason: '理由',
    reasonNotStored:
      'ストアには ID と判定だけを記録し、確認した値を含む理由の文章は記録しません（アカウントの値を引用するため）。' +
      'その実行のレポートを参照してください。',
    mute: '抑制',
    notMuted: '抑制されていません',
    mutedBy: '抑制エントリ',
    expires: '期限',
    remediation: '修正方法',
    console: 'コンソール',
    cli: 'AWS CLI',
    terraform: 'Terraform',
    limits: '制約',
    history: '実行ごとの履歴',
    noRuns: 'このストアにはまだ実行がありません。rootguard scan --store または trail --store を実行してください。',
    noTrail: 'ルートユーザーの操作はありません（一致したイベントのある trail の実行がありません）。',
    eventTime: 'イベント時刻',
    detection: '検知',
    unknownTime: '時刻不明',
    truncated: '最新のイベントのみ表示しています',
    unknownRule: 'この rootguard はこのルールを知りません（別のバージョンのストアです）。',
    back: '検出結果に戻る',
    loadFailed: '読み込めませんでした',
    rootUser: 'ルートユーザー',
    sev: { critical: '重大', high: '高', medium: '中', low: '低', informational: '情報' },
    st: { FAIL: '失敗', PASS: '成功', UNKNOWN: '不明', NOT_APPLICABLE: '該当なし' },
    notApplicable: 'このコントロールはこのアカウントのパーティションには該当しないため、修正は不要です' +
      '（理由はその実行のレポートにあります）。',
  },
};

// The token arrived in the first URL; the cookie set with it carries it from now on, so it leaves the
// address bar (and so the history, bookmarks and screenshots).
const startUrl = new URL(window.location.href);
if (startUrl.searchParams.has('token')) {
  startUrl.searchParams.delete('token');
  window.history.replaceState(null, '', startUrl.pathname + startUrl.search + startUrl.hash);
}

const state = {
  lang: 'en',
  runs: [],
  runFindings: new Map(), // run id -> the API's {run, findings}
  table: { run: null, sort: null, search: '', filters: { status: [], severity: [], account: [], rule_id: [] } },
};

function w() {
  return WORDS[state.lang];
}

// el('td', {class: 'x'}, 'text', child): children are strings (made text nodes) or nodes.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, String(value));
  return node;
}

async function api(path) {
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(`${path}${separator}lang=${state.lang}`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function severityLabel(severity) {
  return w().sev[severity] ?? severity;
}
function statusLabel(status) {
  return w().st[status] ?? status;
}
function rank(list, value) {
  const index = list.indexOf(value);
  return index < 0 ? list.length : index;
}

function latestScanRun() {
  const scans = state.runs.filter((run) => run.command === 'scan');
  const pool = scans.length ? scans : state.runs;
  return pool.length ? pool[pool.length - 1] : null;
}

async function findingsOf(runId) {
  if (!state.runFindings.has(runId)) state.runFindings.set(runId, await api(`/api/runs/${runId}/findings`));
  return state.runFindings.get(runId);
}

// Parts a page leaves out are null; replaceChildren would print them as the text "null".
function setMain(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
}

function runLabel(run) {
  return `${w().run} ${run.id} (${run.command}, ${run.started_at})`;
}

// ---- overview ----

function trendChart(points) {
  const width = 640;
  const height = 220;
  const pad = { left: 44, right: 16, top: 16, bottom: 36 };
  const max = Math.max(1, ...points.map((p) => p.fail));
  const x = (i) => pad.left + (points.length === 1 ? (width - pad.left - pad.right) / 2
    : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (value) => height - pad.bottom - (value * (height - pad.top - pad.bottom)) / max;
  const chart = svg('svg', { class: 'chart', id: 'trend', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': w().trend });
  chart.append(svg('line', { class: 'axis', x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }));
  chart.append(svg('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }));
  for (const value of [0, max]) {
    const label = svg('text', { x: pad.left - 6, y: y(value) + 4, 'text-anchor': 'end' });
    label.textContent = String(value);
    chart.append(label);
  }
  if (points.length > 1) {
    chart.append(svg('polyline', { class: 'series', points: points.map((p, i) => `${x(i)},${y(p.fail)}`).join(' ') }));
  }
  points.forEach((point, i) => {
    const dot = svg('circle', { class: 'point', cx: x(i), cy: y(point.fail), r: 4, 'data-run': point.run });
    const tip = svg('title', {});
    tip.textContent = `${w().run} ${point.run} (${point.command}, ${point.started_at}): ${point.fail} ${statusLabel('FAIL')}`;
    dot.append(tip);
    chart.append(dot);
    const label = svg('text', { x: x(i), y: height - pad.bottom + 16, 'text-anchor': 'middle' });
    label.textContent = `#${point.run}`;
    chart.append(label);
  });
  return chart;
}

async function showOverview() {
  const run = latestScanRun();
  if (!run) {
    setMain(el('p', { class: 'note' }, w().noRuns));
    return;
  }
  const [{ findings }, trend] = await Promise.all([findingsOf(run.id), api('/api/trend')]);
  const counts = new Map(); // account -> severity -> FAIL count
  for (const finding of findings) {
    if (finding.status !== 'FAIL') continue;
    const perAccount = counts.get(finding.account) ?? new Map();
    perAccount.set(finding.severity, (perAccount.get(finding.severity) ?? 0) + 1);
    counts.set(finding.account, perAccount);
  }
  const head = el('tr', {}, el('th', {}, w().account),
    ...SEVERITIES.map((s) => el('th', { class: 'number' }, severityLabel(s))), el('th', { class: 'number' }, w().total));
  const body = el('tbody');
  for (const account of [...counts.keys()].sort()) {
    const perAccount = counts.get(account);
    const total = [...perAccount.values()].reduce((a, b) => a + b, 0);
    body.append(el('tr', { class: 'account-row' }, el('td', {}, account),
      ...SEVERITIES.map((s) => el('td', { class: 'number' }, perAccount.get(s) ?? 0)),
      el('td', { class: 'number' }, total)));
  }
  const runsBody = el('tbody');
  for (const r of state.runs) {
    runsBody.append(el('tr', {}, el('td', { class: 'number' }, r.id), el('td', {}, r.command), el('td', {}, r.started_at),
      el('td', { class: 'number' }, r.fail), el('td', { class: 'number' }, r.muted)));
  }
  setMain(
    el('h2', {}, w().failByAccount),
    el('p', { class: 'note' }, `${w().latestScan}: ${runLabel(run)}`),
    el('table', { id: 'fail-counts' }, el('thead', {}, head), body),
    el('h2', {}, w().trend),
    trendChart(trend),
    el('h2', {}, w().runs),
    el('table', { id: 'runs' },
      el('thead', {}, el('tr', {}, el('th', {}, w().run), el('th', {}, w().command), el('th', {}, w().started),
        el('th', {}, statusLabel('FAIL')), el('th', {}, w().muted))),
      runsBody),
  );
}

// ---- findings table ----

const COLUMNS = [
  { key: 'status', label: () => w().status, text: (f) => statusLabel(f.status),
    compare: (a, b) => rank(STATUSES, a.status) - rank(STATUSES, b.status) },
  { key: 'severity', label: () => w().severity, text: (f) => severityLabel(f.severity),
    compare: (a, b) => rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) },
  { key: 'rule_id', label: () => w().control, text: (f) => f.rule_id },
  { key: 'title', label: () => w().titleColumn, text: (f) => f.title },
  { key: 'account', label: () => w().account, text: (f) => f.account },
  { key: 'region', label: () => w().region, text: (f) => f.region },
  { key: 'resource', label: () => w().resource, text: (f) => f.resource },
  { key: 'muted', label: () => w().muted, text: (f) => (f.muted ? w().yes : w().no),
    compare: (a, b) => Number(a.muted) - Number(b.muted) },
];

// Code point order: ids, ARNs and account numbers sort as written, and it is fast (a locale-aware
// comparison made sorting 10,000 findings take seconds).
const collator = { compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0) };

function compareBy(column) {
  return column.compare ?? ((a, b) => collator.compare(String(a[column.key]), String(b[column.key])));
}

// FAIL first, then the most severe, then account and control: the order a reviewer works in.
function defaultOrder(a, b) {
  return rank(STATUSES, a.status) - rank(STATUSES, b.status)
    || rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity)
    || collator.compare(a.account, b.account) || collator.compare(a.rule_id, b.rule_id)
    || collator.compare(a.resource, b.resource);
}

function visibleFindings(findings) {
  const { search, filters, sort } = state.table;
  const needle = search.trim().toLowerCase();
  const rows = findings.filter((f) => {
    for (const [key, chosen] of Object.entries(filters)) {
      if (chosen.length && !chosen.includes(f[key])) return false;
    }
    if (!needle) return true;
    return [f.rule_id, f.title, f.account, f.region, f.resource, f.status, statusLabel(f.status), f.severity,
      severityLabel(f.severity), f.mute?.reason ?? ''].some((v) => String(v).toLowerCase().includes(needle));
  });
  if (sort) {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const compare = compareBy(column);
    rows.sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b) || defaultOrder(a, b));
  } else {
    rows.sort(defaultOrder);
  }
  return rows;
}

function multiSelect(id, key, values, label) {
  const select = el('select', { id, multiple: '', size: Math.min(6, Math.max(2, values.length)) });
  for (const value of values) {
    const option = el('option', { value: value.value }, value.text);
    option.selected = state.table.filters[key].includes(value.value);
    select.append(option);
  }
  select.addEventListener('change', () => {
    state.table.filters[key] = [...select.selectedOptions].map((o) => o.value);
    renderRows();
  });
  return el('label', {}, label, select);
}

let currentFindings = [];

function renderRows() {
  const body = document.getElementById('findings-body');
  if (!body) return;
  const rows = visibleFindings(currentFindings);
  body.replaceChildren(...rows.map((f) => {
    const link = el('a', { href: `#/finding/${encodeURIComponent(f.finding_id)}` }, f.title);
    return el('tr', { class: f.muted ? 'finding is-muted' : 'finding', 'data-status': f.status, 'data-severity': f.severity,
      'data-account': f.account, 'data-rule': f.rule_id, 'data-id': f.finding_id },
    el('td', { class: `status-${f.status}` }, statusLabel(f.status)),
    el('td', {}, severityLabel(f.severity)),
    el('td', {}, f.rule_id),
    el('td', {}, link),
    el('td', {}, f.account),
    el('td', {}, f.region),
    el('td', { class: 'resource' }, f.resource),
    el('td', {}, f.muted ? w().yes : w().no));
  }));
  document.getElementById('shown-count').textContent = `${rows.length} / ${currentFindings.length} ${w().shown}`;
  for (const th of document.querySelectorAll('#findings th.sortable')) {
    const sort = state.table.sort;
    th.setAttribute('aria-sort', sort && sort.key === th.dataset.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  }
}

async function showFindings() {
  if (!state.runs.length) {
    setMain(el('p', { class: 'note' }, w().noRuns));
    return;
  }
  if (state.table.run === null) state.table.run = latestScanRun().id;
  const { run, findings } = await findingsOf(state.table.run);
  currentFindings = findings;
  const runSelect = el('select', { id: 'run-select' },
    ...[...state.runs].reverse().map((r) => {
      const option = el('option', { value: r.id }, runLabel(r));
      option.selected = r.id === run.id;
      return option;
    }));
  runSelect.addEventListener('change', () => {
    state.table.run = Number(runSelect.value);
    for (const key of Object.keys(state.table.filters)) state.table.filters[key] = [];
    showFindings().catch(showError);
  });
  const distinct = (key) => [...new Set(findings.map((f) => f[key]))];
  const search = el('input', { id: 'search', type: 'search', value: state.table.search, placeholder: w().search });
  search.addEventListener('input', () => {
    state.table.search = search.value;
    renderRows();
  });
  const head = el('tr', {}, ...COLUMNS.map((column) => {
    const th = el('th', { class: 'sortable', 'data-key': column.key, tabindex: 0 }, column.label());
    const toggle = () => {
      const sort = state.table.sort;
      state.table.sort = { key: column.key, descending: sort?.key === column.key ? !sort.descending : false };
      renderRows();
    };
    th.addEventListener('click', toggle);
    th.addEventListener('keydown', (event) => { if (event.key === 'Enter') toggle(); });
    return th;
  }));
  setMain(
    el('div', { class: 'filters' },
      el('label', {}, w().run, runSelect),
      el('label', {}, w().search, search),
      multiSelect('filter-status', 'status', STATUSES.filter((s) => distinct('status').includes(s))
        .map((s) => ({ value: s, text: statusLabel(s) })), w().status),
      multiSelect('filter-severity', 'severity', SEVERITIES.filter((s) => distinct('severity').includes(s))
        .map((s) => ({ value: s, text: severityLabel(s) })), w().severity),
      multiSelect('filter-account', 'account', distinct('account').sort().map((a) => ({ value: a, text: a })), w().account),
      multiSelect('filter-control', 'rule_id', distinct('rule_id').sort().map((r) => ({ value: r, text: r })), w().control)),
    el('p', { id: 'shown-count', class: 'note' }),
    el('table', { id: 'findings' }, el('thead', {}, head), el('tbody', { id: 'findings-body' })),
  );
  renderRows();
}

// ---- finding detail ----

function section(title, text, id) {
  if (!text) return null;
  return el('div', { id }, el('h3', {}, title), el('pre', {}, text));
}

async function showFinding(id) {
  const detail = await api(`/api/findings/${encodeURIComponent(id)}`);
  const f = detail.finding;
  const facts = el('dl', { class: 'facts' },
    el('dt', {}, w().status), el('dd', { class: `status-${f.status}`, id: 'detail-status' }, statusLabel(f.status)),
    el('dt', {}, w().severity), el('dd', {}, severityLabel(f.severity)),
    el('dt', {}, w().control), el('dd', {}, f.rule_id),
    el('dt', {}, w().account), el('dd', {}, f.account),
    el('dt', {}, w().region), el('dd', {}, f.region),
    el('dt', {}, w().resource), el('dd', { class: 'resource' }, f.resource),
    el('dt', {}, w().run), el('dd', {}, runLabel(detail.run)));
  const mute = f.mute
    ? el('p', { id: 'mute-state' }, `${w().mutedBy} ${f.mute.entry} (${w().expires} ${f.mute.expires}): `,
      el('span', { id: 'mute-reason' }, f.mute.reason))
    : el('p', { id: 'mute-state' }, w().notMuted);
  const parts = [el('p', {}, el('a', { href: '#/findings' }, w().back)), el('h2', { id: 'detail-title' }, f.title), facts,
    el('h3', {}, w().reason), el('p', { class: 'note' }, w().reasonNotStored)];
  if (detail.rule) {
    parts.push(el('h3', {}, w().risk), el('p', { id: 'risk' }, detail.rule.risk));
    if (detail.rule.explanation) parts.push(el('h3', {}, w().explanation), el('p', {}, detail.rule.explanation));
  } else {
    parts.push(el('p', { class: 'note' }, w().unknownRule));
  }
  parts.push(el('h3', {}, w().mute), mute);
  if (f.status === 'NOT_APPLICABLE') parts.push(el('p', { class: 'note', id: 'not-applicable' }, w().notApplicable));
  if (detail.remediation) {
    parts.push(el('h2', {}, w().remediation),
      section(w().console, detail.remediation.console, 'remediation-console'),
      section(w().cli, detail.remediation.cli, 'remediation-cli'),
      section(w().terraform, detail.remediation.terraform, 'remediation-terraform'),
      section(w().limits, detail.remediation.limits, 'remediation-limits'));
  }
  const history = el('tbody');
  for (const row of detail.history) {
    history.append(el('tr', { class: 'history-row' }, el('td', { class: 'number' }, row.run.id), el('td', {}, row.run.started_at),
      el('td', {}, row.run.command), el('td', { class: `status-${row.status}` }, statusLabel(row.status)),
      el('td', {}, severityLabel(row.severity)), el('td', {}, row.muted ? w().yes : w().no)));
  }
  parts.push(el('h2', {}, w().history), el('table', { id: 'history' },
    el('thead', {}, el('tr', {}, el('th', {}, w().run), el('th', {}, w().started), el('th', {}, w().command),
      el('th', {}, w().status), el('th', {}, w().severity), el('th', {}, w().muted))), history));
  setMain(...parts);
}

// ---- root-activity timeline ----

function timelineChart(events) {
  const timed = events.filter((e) => e.event_time);
  if (!timed.length) return null;
  const width = 640;
  const height = 90;
  const pad = 24;
  const times = timed.map((e) => Date.parse(e.event_time));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (t) => (last === first ? width / 2 : pad + ((t - first) * (width - 2 * pad)) / (last - first));
  const chart = svg('svg', { class: 'chart', id: 'timeline-chart', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': w().timeline });
  chart.append(svg('line', { class: 'axis', x1: pad, y1: 45, x2: width - pad, y2: 45 }));
  timed.forEach((event, i) => {
    const dot = svg('circle', { class: event.muted ? 'event muted' : 'event', cx: x(times[i]), cy: 45, r: 5 });
    const tip = svg('title', {});
    tip.textContent = `${event.event_time} ${event.account} ${event.title}`;
    dot.append(tip);
    chart.append(dot);
  });
  for (const [t, anchor] of [[first, 'start'], [last, 'end']]) {
    const label = svg('text', { x: anchor === 'start' ? pad : width - pad, y: 80, 'text-anchor': anchor });
    label.textContent = new Date(t).toISOString().replace('.000Z', 'Z');
    chart.append(label);
  }
  return chart;
}

async function showTimeline() {
  const timeline = await api('/api/timeline');
  if (!timeline.events.length) {
    setMain(el('h2', {}, w().timeline), el('p', { class: 'note' }, w().noTrail));
    return;
  }
  const body = el('tbody');
  for (const event of [...timeline.events].reverse()) { // newest first
    body.append(el('tr', { class: event.muted ? 'event is-muted' : 'event' },
      el('td', { class: 'time' }, event.event_time || w().unknownTime),
      el('td', {}, el('a', { href: `#/finding/${encodeURIComponent(event.finding_id)}` }, event.title)),
      el('td', {}, severityLabel(event.severity)),
      el('td', {}, event.account), el('td', {}, event.region), el('td', { class: 'resource' }, event.resource),
      el('td', {}, event.muted ? w().yes : w().no), el('td', { class: 'number' }, event.run)));
  }
  setMain(el('h2', {}, `${w().timeline} (${w().rootUser})`),
    timeline.truncated ? el('p', { class: 'note' }, `${w().truncated}: ${timeline.events.length} / ${timeline.total}`) : null,
    timelineChart(timeline.events),
    el('table', { id: 'timeline' }, el('thead', {}, el('tr', {}, el('th', {}, w().eventTime), el('th', {}, w().detection),
      el('th', {}, w().severity), el('th', {}, w().account), el('th', {}, w().region), el('th', {}, w().resource),
      el('th', {}, w().muted), el('th', {}, w().run))), body));
}

// ---- routing ----

function showError(error) {
  setMain(el('p', { class: 'error' }, `${w().loadFailed}: ${error.message}`));
}

function renderNav(route) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...[['overview', w().overview], ['findings', w().findings], ['timeline', w().timeline]]
    .map(([name, label]) => el('a', { href: `#/${name}`, class: route === name ? 'current' : null, id: `nav-${name}` }, label)));
}

async function route() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = hash.split('/');
  const page = ['findings', 'finding', 'timeline'].includes(name) ? name : 'overview';
  renderNav(page === 'finding' ? 'findings' : page);
  try {
    if (page === 'findings') await showFindings();
    else if (page === 'finding') await showFinding(decodeURIComponent(rest.join('/')));
    else if (page === 'timeline') await showTimeline();
    else await showOverview();
    document.body.dataset.page = page; // tests wait for this
  } catch (error) {
    showError(error);
  }
}

async function start() {
  const config = await api('/api/config');
  const asked = startUrl.searchParams.get('lang');
  state.lang = asked === 'ja' || asked === 'en' ? asked : (config.lang === 'ja' ? 'ja' : 'en');
  document.documentElement.lang = state.lang;
  document.title = w().title;
  document.getElementById('title').textContent = w().title;
  state.runs = await api('/api/runs');
  const last = state.runs[state.runs.length - 1];
  document.getElementById('footer').textContent = last ? `${state.runs.length} ${w().runs}; ${runLabel(last)}` : '';
  window.addEventListener('hashchange', route);
  await route();
}

start().catch(showError);
