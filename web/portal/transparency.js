// /portal/transparency: the public code-of-conduct transparency report, with a bar chart drawn in SVG.
import { getJson } from './api.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';

const SVG = 'http://www.w3.org/2000/svg';
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

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  element.append(...children);
  return element;
}

function label(group, name) {
  return has(`${group}.${name}`) ? t(`${group}.${name}`) : name;
}

/** Horizontal bars, one per category; a suppressed count is drawn as a hatched stub and says so. */
function chart(id, counts, group) {
  const entries = Object.entries(counts ?? {});
  if (entries.length === 0) {
    return el('p', { id }, t('transparency.none'));
  }
  const largest = Math.max(1, ...entries.map(([, count]) => count ?? 0));
  const row = 34;
  const labelWidth = 150;
  const barSpace = 200;
  const title = svg('title', { id: `${id}-title` });
  title.textContent = t(`transparency.${id}`);
  const chartSvg = svg('svg', {
    id, class: 'chart', role: 'img', 'aria-labelledby': `${id}-title`,
    viewBox: `0 0 ${labelWidth + barSpace + 110} ${entries.length * row}`,
  }, title);
  entries.forEach(([name, count], index) => {
    const y = index * row;
    const text = svg('text', { x: labelWidth - 8, y: y + row / 2 + 5, class: 'chart-label', 'text-anchor': 'end' });
    text.textContent = label(group, name);
    const width = count === null ? 12 : Math.max(2, (count / largest) * barSpace);
    const bar = svg('rect', { x: labelWidth, y: y + 6, width, height: row - 12, rx: 3, class: count === null ? 'chart-bar suppressed' : 'chart-bar' });
    const value = svg('text', { x: labelWidth + width + 6, y: y + row / 2 + 5, class: 'chart-value' });
    value.textContent = count === null ? t('transparency.suppressed', { n: report.suppressedBelow }) : String(count);
    chartSvg.append(text, bar, value);
  });
  // the same figures as a table, for screen readers and for copying
  const table = el('table', { class: 'visually-hidden' },
    el('caption', {}, t(`transparency.${id}`)),
    el('tbody', {}, entries.map(([name, count]) => el('tr', {},
      el('th', { scope: 'row' }, label(group, name)),
      el('td', {}, count === null ? t('transparency.suppressed', { n: report.suppressedBelow }) : String(count))))));
  return el('figure', {}, chartSvg, table);
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
