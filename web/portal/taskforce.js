// /portal/task-force: the task-force calls open now, each with its purpose, seats, closing day and
// languages, and a link to the application form with the call chosen.
import { getJson } from './api.js';
import { language, t } from './i18n.js';
import { el } from '../shared/el.js';

let calls = null;
let failed = false;

export async function load() {
  try {
    calls = await getJson('/api/task-force/calls');
    failed = false;
  } catch {
    failed = true;
  }
}

function day(text) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${text}T00:00:00Z`));
}

function languages(codes) {
  const names = new Intl.DisplayNames([language()], { type: 'language' });
  return new Intl.ListFormat(language(), { type: 'conjunction' }).format(codes.map(code => names.of(code)));
}

export function render() {
  document.getElementById('page-heading').textContent = t('taskforce.title');
  const content = document.getElementById('content');
  const list = el('div', { id: 'calls' });
  content.replaceChildren(el('p', { class: 'intro' }, t('taskforce.intro')), list);
  if (failed) {
    list.replaceChildren(el('p', { role: 'alert' }, t('common.unavailable')));
    return;
  }
  if (calls === null) {
    return;
  }
  if (calls.length === 0) {
    list.replaceChildren(el('p', {}, t('taskforce.none')));
    return;
  }
  list.replaceChildren(el('ul', { class: 'cards' }, calls.map(call => el('li', { class: 'card', 'data-call': call.reference },
    el('h2', {}, call.name),
    el('p', { class: 'purpose' }, call.purpose),
    el('p', {}, t('taskforce.seats', { n: new Intl.NumberFormat(language()).format(call.seats) })),
    el('p', {}, t('taskforce.closes', { date: day(call.closesOn) })),
    el('p', {}, t('taskforce.languages', { languages: languages(call.languages) })),
    el('p', {}, el('a', { class: 'button primary', href: `/portal/forms/task-force-application?call=${encodeURIComponent(call.reference)}` },
      t('taskforce.apply')))))));
}
