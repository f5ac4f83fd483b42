// /portal/grants: rapid-grant applications open for community comment (with consent, without the
// applicant's name or address), a comment box for each, and the fund's figures for this fiscal year.
import { ApiError, getJson, postJson } from './api.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';
import { barChart } from './chart.js';

let applications = null;
let report = null;
let failed = false;
const sent = new Set();

export async function load() {
  try {
    [applications, report] = await Promise.all([getJson('/api/grants/open-for-comment'), getJson('/api/grants/report')]);
    failed = false;
  } catch {
    failed = true;
  }
}

function money(amount, currency) {
  if (amount === null || amount === undefined) {
    return t('grants.suppressed', { n: report.suppressedBelow });
  }
  return new Intl.NumberFormat(language(), { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

function day(text) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(text));
}

function commentForm(application) {
  const id = `comment-${application.reference}`;
  const status = el('p', { class: 'comment-status', role: 'status' });
  if (sent.has(application.reference)) {
    status.textContent = t('grants.thanks');
  }
  const box = el('textarea', { id, name: 'comment', maxlength: '2000', rows: '4', required: true });
  return el('form', {
    class: 'comment',
    onsubmit: async event => {
      event.preventDefault();
      if (!box.value.trim()) {
        status.textContent = t('grants.empty');
        return;
      }
      try {
        await postJson(`/api/grants/${encodeURIComponent(application.reference)}/comments`, { comment: box.value });
        sent.add(application.reference);
        box.value = '';
        status.textContent = t('grants.thanks');
      } catch (error) {
        status.textContent = error instanceof ApiError && error.status === 404 ? t('grants.closed') : t('common.unavailable');
      }
    },
  },
  el('label', { for: id }, t('grants.commentLabel')),
  box,
  el('button', { type: 'submit' }, t('grants.send')),
  status);
}

function applicationCard(application) {
  const detail = (key, value) => value ? [el('dt', {}, t(key)), el('dd', {}, value)] : [];
  return el('article', { class: 'application', 'aria-labelledby': `title-${application.reference}` },
    el('h3', { id: `title-${application.reference}` }, application.projectTitle),
    el('p', { class: 'meta' }, t('grants.meta', {
      community: application.community, amount: money(application.amount, application.currency),
      from: day(application.startDate), to: day(application.endDate),
    })),
    el('dl', {},
      detail('grants.organisation', application.organisation),
      detail('grants.summary', application.summary),
      detail('grants.goals', application.goals),
      detail('grants.budget', application.budget)),
    application.commentsCloseAt ? el('p', {}, t('grants.closes', { date: day(application.commentsCloseAt) })) : null,
    commentForm(application));
}

function label(name) {
  return has(`applicantType.${name}`) ? t(`applicantType.${name}`) : name;
}

function figures() {
  const entries = Object.entries(report.byType ?? {}).map(([type, figures]) => [type, figures.approved.count]);
  return el('section', { 'aria-labelledby': 'fund-heading' },
    el('h2', { id: 'fund-heading' }, t('grants.fund', { from: day(report.from), to: day(report.to) })),
    el('dl', { class: 'figures' },
      el('div', { class: 'figure' }, el('dt', {}, t('grants.requested')), el('dd', {}, money(report.total.requested.amount, report.currency))),
      el('div', { class: 'figure' }, el('dt', {}, t('grants.approved')), el('dd', {}, money(report.total.approved.amount, report.currency))),
      el('div', { class: 'figure' }, el('dt', {}, t('grants.paid')), el('dd', {}, money(report.total.paid.amount, report.currency)))),
    entries.length === 0 ? el('p', {}, t('grants.noneYet')) : barChart({
      id: 'approvedByType', title: t('grants.approvedByType'), entries, label,
      shown: count => count === null ? t('grants.suppressed', { n: report.suppressedBelow }) : String(count),
    }));
}

export function render() {
  const content = document.getElementById('content');
  document.getElementById('page-heading').textContent = t('grants.title');
  if (failed) {
    content.replaceChildren(el('p', { role: 'alert' }, t('common.unavailable')));
    return;
  }
  if (!applications) {
    return;
  }
  content.replaceChildren(
    el('p', { class: 'intro' }, t('grants.intro')),
    el('section', { 'aria-labelledby': 'open-heading' },
      el('h2', { id: 'open-heading' }, t('grants.open')),
      applications.length === 0 ? el('p', {}, t('grants.noneOpen')) : applications.map(applicationCard)),
    figures());
}
