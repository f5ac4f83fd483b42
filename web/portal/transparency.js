// /portal/transparency: the public code-of-conduct transparency report, with bar charts.
import { getJson } from './api.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';
import { barChart } from './chart.js';

let report = null;
let failed = false;

export async function load() {
  const query = new URLSearchParams(location.search);
  const period = new URLSearchParams();
  for (const name of ['from', 'to']) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(query.get(name) ?? '')) {
      period.set(name, query.get(name));
    }
  }
  try {
    report = await getJson(`/api/conduct/transparency${period.size ? '?' + period : ''}`);
    failed = false;
  } catch {
    failed = true;
  }
}

function label(group, name) {
  return has(`${group}.${name}`) ? t(`${group}.${name}`) : name;
}

function chart(id, counts, group) {
  const entries = Object.entries(counts ?? {});
  if (entries.length === 0) {
    return el('p', { id }, t('transparency.none'));
  }
  return barChart({
    id, title: t(`transparency.${id}`), entries, label: name => label(group, name),
    shown: count => count === null ? t('transparency.suppressed', { n: report.suppressedBelow }) : String(count),
  });
}

function figure(key, value, unit) {
  const suppressed = unit ? 'transparency.tooFew' : 'transparency.suppressed';
  const shown = value === null || value === undefined
    ? t(suppressed, { n: report.suppressedBelow })
    : `${new Intl.NumberFormat(language()).format(value)} ${unit ? t(unit) : ''}`.trim();
  return el('div', { class: 'figure' }, el('dt', {}, t(key)), el('dd', {}, shown));
}

export function render() {
  const content = document.getElementById('content');
  document.getElementById('page-heading').textContent = t('transparency.title');
  if (failed) {
    content.replaceChildren(el('p', { role: 'alert' }, t('common.unavailable')));
    return;
  }
  if (!report) {
    return;
  }
  const dates = new Intl.DateTimeFormat(language(), { dateStyle: 'long', timeZone: 'UTC' });
  content.replaceChildren(
    el('p', { class: 'intro' }, t('transparency.intro', { n: report.suppressedBelow })),
    el('p', { id: 'period' }, t('transparency.period', {
      from: dates.format(new Date(report.from)), to: dates.format(new Date(report.to)),
    })),
    el('dl', { class: 'figures' },
      figure('transparency.reports', report.reports),
      figure('transparency.medianAcknowledge', report.medianHoursToAcknowledge, 'transparency.hours'),
      figure('transparency.medianDecision', report.medianDaysToDecision, 'transparency.days')),
    el('section', { 'aria-labelledby': 'severity-heading' },
      el('h2', { id: 'severity-heading' }, t('transparency.bySeverity')),
      chart('bySeverity', report.bySeverity, 'severity')),
    el('section', { 'aria-labelledby': 'outcome-heading' },
      el('h2', { id: 'outcome-heading' }, t('transparency.byOutcome')),
      chart('byOutcome', report.byOutcome, 'outcome')));
}
