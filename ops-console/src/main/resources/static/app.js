'use strict';
// The ops console: one page, one view per #hash, everything from the console's own /api (see /v3/api-docs).
// Text is always set as text (never as HTML): names, reasons and stories come from data.

const POLL_MS = 2000;
let me = null;          // {username, roles, operator, csrfHeader, csrfToken, today}
let pollTimer = null;
let selectedDate = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, options) {
  const response = await fetch('api' + path, Object.assign({headers: {'Accept': 'application/json'}}, options));
  if (response.status === 401) { location.href = 'login'; throw new Error('not logged in'); }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = {error: text}; }
  if (!response.ok && !(body && body.phase)) {
    throw new Error((body && body.error) || (response.status === 403 ? 'not allowed for your role' : 'HTTP ' + response.status));
  }
  return body;
}

function post(path, params) {
  const headers = {'Accept': 'application/json', 'Content-Type': 'application/x-www-form-urlencoded'};
  headers[me.csrfHeader] = me.csrfToken;
  return api(path, {method: 'POST', headers, body: new URLSearchParams(params).toString()});
}

function toast(message) {
  const t = document.getElementById('toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
}

function table(columns, rows, empty) {
  if (!rows || rows.length === 0) return el('p', {class: 'muted'}, empty || 'none');
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, c[0])))),
    el('tbody', {}, rows.map(r => el('tr', {}, columns.map(c => {
      const v = typeof c[1] === 'function' ? c[1](r) : r[c[1]];
      return el('td', {class: typeof v === 'number' ? 'num' : ''}, v instanceof Node ? v : (v ?? '-'));
    })))));
}

function counts(map) {
  const entries = Object.entries(map || {});
  return entries.length === 0 ? '-' : entries.map(([k, v]) => k + ' ' + v).join(' · ');
}

function time(t) { return t ? String(t).replace('T', ' ').substring(0, 19) : '-'; }

function dateInput(onChange) {
  return el('input', {type: 'date', id: 'date', value: selectedDate,
    onchange: e => { selectedDate = e.target.value; onChange(); }});
}

// ---- the confirmation step: dry run, dialog with what would happen, then the same request with its token ----
async function operatorAction(title, path, params, onDone) {
  let dryRun;
  try {
    dryRun = await post(path, params);
  } catch (e) { toast(title + ': ' + e.message); return; }
  if (!dryRun.ok) { toast(title + ' refused:\n' + dryRun.output); return; }
  const dialog = document.getElementById('confirm-dialog');
  document.getElementById('confirm-title').textContent = title + '?';
  document.getElementById('confirm-text').textContent = dryRun.output;
  const ok = document.getElementById('confirm-ok');
  const cancel = document.getElementById('confirm-cancel');
  const confirmed = await new Promise(resolve => {
    ok.onclick = () => { dialog.close(); resolve(true); };
    cancel.onclick = () => { dialog.close(); resolve(false); };
    dialog.oncancel = () => resolve(false);
    dialog.showModal();
  });
  if (!confirmed) { toast(title + ': cancelled, nothing done'); return; }
  try {
    const result = await post(path, Object.assign({}, params, {confirm: 'true', token: dryRun.token}));
    toast((result.ok ? title + ' done\n' : title + ' FAILED\n') + result.output);
    if (onDone) onDone(result);
  } catch (e) { toast(title + ': ' + e.message); }
}

// ---- views ----
const views = {
  async today(view) {
    const cards = el('div', {class: 'cards', id: 'jobs'});
    const rows = el('div', {id: 'rows'});
    view.append(el('h2', {}, 'Today'), el('div', {class: 'toolbar'}, 'Business date', dateInput(() => route()),
      el('span', {class: 'muted'}, 'refreshes every 2 s')), cards, el('h3', {}, 'All rows by state'), rows);
    async function refresh() {
      const jobs = await api('/days/' + selectedDate + '/jobs');
      cards.replaceChildren(...jobs.map(jobCard));
      const r = await api('/rows');
      rows.replaceChildren(el('p', {class: 'kv'}, 'sub-merchants: ', el('b', {}, counts(r.subMerchantsByStatus))),
        el('p', {class: 'kv'}, 'transactions: ', el('b', {}, counts(r.transactionsByStatus))),
        el('p', {class: 'kv'}, 'KIS receipts at the poller: ',
          el('b', {}, r.receiptsByStatus ? counts(r.receiptsByStatus) : 'poller database not configured')));
    }
    await poll(refresh);
  },

  async report(view) {
    const out = el('div', {});
    const replay = me.operator ? el('button', {type: 'button', class: 'danger', id: 'replay',
      onclick: () => operatorAction('Replay from ' + selectedDate, '/actions/replay', {businessDate: selectedDate})},
      'Replay this day…') : null;
    view.append(el('h2', {}, 'Day report'), el('div', {class: 'toolbar'}, 'Business date', dateInput(() => route()), replay), out);
    const [rejections, breaks, stuck] = await Promise.all([api('/days/' + selectedDate + '/rejections'),
      api('/days/' + selectedDate + '/breaks'), api('/stuck')]);
    out.append(el('h3', {}, 'Rejections by code (the day\'s files)'),
      el('p', {class: 'kv'}, 'registration: ', el('b', {}, counts(rejections.registration))),
      el('p', {class: 'kv'}, 'settlement: ', el('b', {}, counts(rejections.settlement))),
      el('h3', {}, 'Reconciliation breaks'),
      table([['transaction', 'transactionId'], ['file', 'fileId'], ['expected KRW', 'expected'], ['settled KRW', 'settled'],
        ['recorded', r => time(r.recordedAt)]], breaks),
      el('h3', {}, 'Stuck rows (unchanged for ' + stuck.olderThan + ')'),
      el('p', {class: 'kv'}, el('b', {}, stuck.subMerchants), ' sub-merchants, ', el('b', {}, stuck.transactions), ' transactions'),
      table([['kind', 'kind'], ['id', 'id'], ['status', 'status'], ['since', r => time(r.since)]], stuck.examples));
    const collector = el('div', {}, el('p', {class: 'muted'}, 'loading the collector\'s report…'));
    out.append(el('h3', {}, 'The collector\'s day report'), collector);
    try {
      const report = await api('/days/' + selectedDate + '/report');
      const s = report.settlement, g = report.registration;
      collector.replaceChildren(
        el('p', {class: 'kv'}, 'sub-merchants by status: ', el('b', {}, counts(g.subMerchantsByStatus))),
        el('p', {class: 'kv'}, 'registration requests of the day: ', el('b', {}, counts(g.requestsOfDayByStatus))),
        el('p', {class: 'kv'}, 'registration rejections by code: ', el('b', {}, counts(g.rejectionsByCode))),
        el('p', {class: 'kv'}, 'settlement requests of the day: ', el('b', {}, counts(s.requestsOfDayByStatus))),
        el('p', {class: 'kv'}, 'decided that day by code: ', el('b', {}, counts(s.decidedOnDayByCode))),
        el('p', {class: 'kv'}, 'waiting for registration: ', el('b', {}, s.waitingForRegistration),
          ' · expected ', el('b', {}, s.expectedAmount + ' KRW'), ' · settled ', el('b', {}, s.settledAmount + ' KRW')),
        el('h3', {}, 'Failed or refused files'),
        table([['file', 'fileId'], ['status', 'status'], ['code', 'code'], ['message', 'message'], ['line', 'line'],
          ['resent as', 'replacedBy'], ['open rows', 'openRows']], report.fileProblems));
    } catch (e) {
      collector.replaceChildren(el('p', {class: 'error'}, e.message));
    }
  },

  async files(view) {
    const out = el('div', {});
    view.append(el('h2', {}, 'Files & KIS receipts'), el('div', {class: 'toolbar'}, 'Business date', dateInput(() => route())), out);
    const f = await api('/days/' + selectedDate + '/files');
    out.append(el('h3', {}, 'Files (' + f.files.length + ')'),
      table([['file', 'fileId'], ['type', 'fileType'], ['records', 'recordCount'], ['status', 'status'],
        ['receipt', 'receiptNo'], ['failure', r => r.failureCode ? r.failureCode + ' ' + (r.failureMessage || '')
          + (r.failureLine ? ' (line ' + r.failureLine + ')' : '') : null], ['resent as', 'replacedByFileId'],
        ['created', r => time(r.createdAt)], ['updated', r => time(r.updatedAt)]], f.files, 'no files of this date'),
      el('h3', {}, 'Receipts at the poller (' + f.receipts.length + ')'),
      f.pollerConfigured ? table([['receipt', 'receiptNo'], ['file', 'fileId'], ['status', 'status'],
        ['failed polls', 'attempts'], ['submitted', r => time(r.submittedAt)], ['completed', r => time(r.completedAt)],
        ['next poll', r => time(r.nextPollAt)], ['last error', 'lastError']], f.receipts, 'no receipts of this date')
        : el('p', {class: 'muted'}, 'poller database not configured (POLLER_DB_URL)'));
  },

  async tx(view) {
    const input = el('input', {id: 'tx-id', placeholder: 'transaction id, e.g. T2025021700000000002', size: 34});
    const story = el('div', {id: 'tx-result'});
    async function lookUp() {
      const id = input.value.trim();
      if (!id) return;
      story.replaceChildren(el('p', {class: 'muted'}, 'looking up…'));
      const response = await fetch('api/transactions/' + encodeURIComponent(id), {headers: {'Accept': 'application/json'}});
      if (response.status === 404) { story.replaceChildren(el('p', {class: 'error'}, 'no transaction ' + id)); return; }
      const body = await response.json();
      story.replaceChildren(response.ok ? el('pre', {id: 'tx-story'}, body.story) : el('p', {class: 'error'}, body.error));
    }
    input.addEventListener('keydown', e => { if (e.key === 'Enter') lookUp(); });
    view.append(el('h2', {}, 'Transaction lookup'), el('div', {class: 'toolbar'}, input,
      el('button', {type: 'button', class: 'primary', id: 'tx-go', onclick: lookUp}, 'Look up')), story);
  },

  async 'dead-letters'(view) {
    const out = el('div', {});
    view.append(el('h2', {}, 'Dead letters'), el('p', {class: 'muted'},
      'What a service could never process. Fix the cause first, then re-drive: the record goes back to its original'
      + ' topic, at most once.'), out);
    const topics = await api('/dead-letters');
    for (const t of topics) {
      out.append(el('h3', {}, t.topic + ' (' + t.total + ')'), table([['id', 'id'], ['at', r => time(r.at)],
        ['from', r => r.originalTopic + ':' + r.originalPartition + ':' + r.originalOffset], ['key', 'key'],
        ['event', r => (r.eventType || '-') + ' ' + (r.eventId || '')], ['reason', 'reason'],
        ['', r => r.redriven ? el('span', {class: 'muted'}, 're-driven') : me.operator
          ? el('button', {type: 'button', class: 'redrive', 'data-id': r.id,
            onclick: () => operatorAction('Re-drive ' + r.id, '/actions/dlt-redrive', {id: r.id}, () => route())}, 'Re-drive…') : '']],
        t.latest, 'empty'));
    }
  },

  async schedule(view) {
    const out = el('div', {});
    view.append(el('h2', {}, 'Schedule'), out);
    let s;
    try { s = await api('/schedule?runs=5'); } catch (e) { out.append(el('p', {class: 'error'}, e.message)); return; }
    out.append(el('p', {class: 'kv'}, 'now ', el('b', {}, s.now), ' · zone ', el('b', {}, s.zone),
      ' · this instance leads: ', el('b', {}, String(s.leader)), ' · catch-up window ', el('b', {}, s.catchUpWindow)));
    if (s.missingHolidayYears && s.missingHolidayYears.length) {
      out.append(el('p', {class: 'error'}, 'no holiday data for ' + s.missingHolidayYears.join(', ')
        + ': request jobs of those years are not sent'));
    }
    for (const j of s.jobs) {
      out.append(el('h3', {}, j.job), el('p', {class: 'kv'}, j.schedule, j.skipsHolidays ? ' · skips public holidays' : ''),
        table([['at', 'at'], ['business date', 'businessDate'], ['status', 'status'], ['reason', 'reason'], ['kick-off id', 'kickoffId']], j.nextRuns));
    }
    out.append(el('h3', {}, 'Missed slots (kick them off by hand if they should run)'),
      table([['at', 'at'], ['job', 'job'], ['business date', 'businessDate'], ['kick-off id', 'kickoffId']], s.missed));
    const h = s.holidays;
    out.append(el('h3', {}, 'Public holidays ' + (h ? h.year : '')),
      h && h.days ? table([['date', 'date'], ['name', 'name']], h.days) : el('p', {class: 'muted'}, 'no data for this year'));
  },

  async audit(view) {
    view.append(el('h2', {}, 'Audit of operator actions'));
    const entries = await api('/audit');
    view.append(table([['#', 'id'], ['when (KST)', r => time(r.at)], ['who', 'username'], ['action', 'action'],
      ['phase', 'phase'], ['parameters', 'parameters'], ['outcome', 'outcome'],
      ['result', r => el('details', {}, el('summary', {}, (r.result || '').split('\n')[0].substring(0, 80)), el('pre', {}, r.result || ''))]],
      entries, 'no operator action yet'));
  }
};

function jobCard(j) {
  const last = j.runs.length ? j.runs[j.runs.length - 1] : null;
  const details = [];
  if (last) {
    details.push(el('p', {class: 'kv'}, 'run ', el('b', {class: 'mono'}, last.kickoffId.substring(0, 40)), ' ', last.status,
      last.slicesTotal ? ' · slices ' + last.slicesDone + '/' + last.slicesTotal : ''),
      el('p', {class: 'kv'}, 'files ', el('b', {}, last.filesCreated), ' · collected ', el('b', {}, last.rowsCollected),
        ' · rejected ', el('b', {}, last.rowsRejected), ' · not eligible ', el('b', {}, last.rowsNotEligible)),
      el('p', {class: 'kv'}, 'started ', time(last.startedAt), ' · finished ', time(last.finishedAt)));
    if (last.message) details.push(el('p', {class: 'error'}, last.message));
  }
  details.push(el('p', {class: 'kv'}, 'rows of the day\'s files: ', el('b', {}, counts(j.requestsByStatus))));
  if (j.job.endsWith('_RESULT')) {
    details.push(el('p', {class: 'kv'}, 'waiting for KIS: ', el('b', {}, j.openRows), ' of ', el('b', {}, j.totalRows),
      ' · receipts ', el('b', {}, counts(j.receiptsByStatus))));
  }
  const kick = me.operator ? el('button', {type: 'button', class: 'kickoff', 'data-job': j.job,
    onclick: () => operatorAction('Kick off ' + j.job + ' for ' + selectedDate, '/actions/kickoff',
      {job: j.job, businessDate: selectedDate})}, 'Kick off…') : null;
  return el('div', {class: 'card', 'data-job': j.job},
    el('h3', {}, j.job), el('span', {class: 'badge state ' + j.state}, j.state.replaceAll('_', ' ')),
    el('div', {class: 'bar'}, el('div', {style: 'width:' + j.progressPercent + '%'})),
    el('span', {class: 'kv progress'}, j.progressPercent + ' %'), details, kick ? el('p', {}, kick) : null);
}

// one polling loop at a time: a route change starts a new generation and the old loop stops
let generation = 0;
async function poll(refresh) {
  const mine = generation;
  const tick = async () => {
    if (mine !== generation) return;
    try { await refresh(); } catch (e) { toast(e.message); }
    if (mine === generation) pollTimer = setTimeout(tick, POLL_MS);
  };
  await tick();
}

async function route() {
  generation++;
  if (pollTimer) clearTimeout(pollTimer);
  pollTimer = null;
  const name = (location.hash || '#today').substring(1);
  const render = views[name] || views.today;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('href') === '#' + name);
  const view = document.getElementById('view');
  view.replaceChildren();
  try { await render(view); } catch (e) { view.append(el('p', {class: 'error'}, e.message)); }
}

async function logout() {
  const headers = {};
  headers[me.csrfHeader] = me.csrfToken;
  await fetch('logout', {method: 'POST', headers});
  location.href = 'login?logout';
}

(async function start() {
  me = await api('/me');
  selectedDate = me.today;
  document.getElementById('user').textContent = me.username + ' (' + (me.operator ? 'operator' : 'viewer') + ')';
  document.getElementById('logout').addEventListener('click', logout);
  window.addEventListener('hashchange', route);
  await route();
})();
