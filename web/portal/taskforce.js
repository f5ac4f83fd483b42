// /portal/task-force: the task-force calls open now, each with its purpose, seats, closing day and
// languages, and a link to the application form with the call chosen.
// /portal/task-force/{reference}: one call's page: its state, the members who agreed to be listed
// once it is announced, and its statistics (small counts not shown).
import { ApiError, getJson } from './api.js';
import { language, t } from './i18n.js';
import { el } from '../shared/el.js';

const reference = decodeURIComponent(location.pathname.replace(/^\/portal\/task-force\/?/, '').split('/')[0]);
let calls = null;
let call = null;
let statistics = null;
let failure = null;

export async function load() {
  try {
    if (reference) {
      [call, statistics] = await Promise.all([getJson(`/api/task-force/calls/${encodeURIComponent(reference)}`),
        getJson(`/api/task-force/calls/${encodeURIComponent(reference)}/statistics`)]);
    } else {
      calls = await getJson('/api/task-force/calls');
    }
    failure = null;
  } catch (error) {
    failure = error instanceof ApiError && error.status === 404 ? 'taskforce.notFound' : 'common.unavailable';
  }
}

function day(text) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${text}T00:00:00Z`));
}

function number(n) {
  return new Intl.NumberFormat(language()).format(n);
}

function languages(codes) {
  const names = new Intl.DisplayNames([language()], { type: 'language' });
  return new Intl.ListFormat(language(), { type: 'conjunction' }).format(codes.map(code => names.of(code)));
}

/** A call's name or purpose in the reader's language when the coordinator gave it, else as written first. */
function text(shown, field) {
  return shown.translations?.[language()]?.[field] || shown[field];
}

function count(n) {
  return n === null ? t('taskforce.suppressed', { n: number(statistics.smallestCountShown) }) : number(n);
}

function applyLink(open) {
  return el('p', {}, el('a', { class: 'button primary', href: `/portal/forms/task-force-application?call=${encodeURIComponent(open.reference)}` },
    t('taskforce.apply')));
}

function callList() {
  if (calls.length === 0) {
    return el('p', {}, t('taskforce.none'));
  }
  return el('ul', { class: 'cards' }, calls.map(open => el('li', { class: 'card', 'data-call': open.reference },
    el('h2', {}, el('a', { href: `/portal/task-force/${encodeURIComponent(open.reference)}` }, text(open, 'name'))),
    el('p', { class: 'purpose' }, text(open, 'purpose')),
    el('p', {}, t('taskforce.seats', { n: number(open.seats) })),
    el('p', {}, t('taskforce.closes', { date: day(open.closesOn) })),
    el('p', {}, t('taskforce.languages', { languages: languages(open.languages) })),
    applyLink(open))));
}

function callPage() {
  const parts = [
    el('p', { class: 'status', id: 'call-state' }, t(`taskforce.state.${call.state}`)),
    el('p', { class: 'purpose' }, text(call, 'purpose')),
    el('p', {}, t('taskforce.seats', { n: number(call.seats) })),
    el('p', {}, t('taskforce.closes', { date: day(call.closesOn) })),
    el('p', {}, t('taskforce.languages', { languages: languages(call.languages) }))];
  if (call.state === 'open') {
    parts.push(applyLink(call));
  }
  if (call.state === 'announced') {
    parts.push(el('h2', {}, t('taskforce.members')),
      call.members.length ? el('ul', { id: 'members' }, call.members.map(name => el('li', {}, name))) : el('p', {}, t('taskforce.noMembersListed')));
  }
  parts.push(el('h2', {}, t('taskforce.statistics')),
    el('p', {}, t('taskforce.applications', { n: count(statistics.applications) })),
    el('p', {}, t('taskforce.reviewsDone', { n: count(statistics.reviewsDone) })));
  for (const [category, counts] of Object.entries(statistics.by)) {
    if (counts.length) {
      parts.push(el('h3', {}, t(`taskforce.by.${category}`)),
        el('ul', { class: `statistics-${category}` }, counts.map(entry => el('li', {}, `${entry.value}: ${count(entry.count)}`))));
    }
  }
  parts.push(el('p', {}, el('a', { href: '/portal/task-force' }, t('taskforce.allCalls'))));
  return el('section', { 'data-call': call.reference }, parts);
}

export function render() {
  const heading = document.getElementById('page-heading');
  heading.textContent = call ? text(call, 'name') : t('taskforce.title');
  const content = document.getElementById('content');
  if (failure) {
    content.replaceChildren(el('p', { role: 'alert' }, t(failure)));
    return;
  }
  if (reference) {
    content.replaceChildren(...(call ? [callPage()] : []));
    return;
  }
  content.replaceChildren(el('p', { class: 'intro' }, t('taskforce.intro')), ...(calls ? [callList()] : []));
}
