// /portal/track and /portal/track/{code}: the case's status and timeline, and a form for each task
// the case has for the holder (a question to answer, an appeal), rendered like the public forms.
// An unknown code shows "not found" and nothing else.
import { ApiError, getJson, postJson } from './api.js';
import { formView, ownHeading, problemMessage } from './form-view.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';

const codeInPath = decodeURIComponent(location.pathname.replace(/^\/portal\/track\/?/, '').split('/')[0] ?? '');
const casePath = `/api/tracking/${encodeURIComponent(codeInPath)}`;
let trackedCase = null;
/** The holder tasks with their forms and, in the language asked for, their texts. */
let tasks = [];
/** The shown forms by task id, so that what was typed survives a switch of language. */
let views = new Map();
let problem = null;
let notice = null;

export async function load() {
  if (!codeInPath) {
    return;
  }
  try {
    trackedCase = await getJson(casePath);
    tasks = await Promise.all(trackedCase.tasks.map(task => getJson(`${casePath}/tasks/${encodeURIComponent(task.id)}`)));
    problem = null;
  } catch (error) {
    trackedCase = null;
    tasks = [];
    problem = error instanceof ApiError ? error.status : 0;
  }
}

function statusLabel(status) {
  return has(`status.${status}`) ? t(`status.${status}`) : status;
}

function lookupForm() {
  const input = el('input', {
    id: 'tracking-code', name: 'code', type: 'text', required: true, autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'off', 'aria-describedby': 'tracking-code-help', value: codeInPath,
  });
  return el('form', {
    class: 'lookup', onsubmit: event => {
      event.preventDefault();
      const code = input.value.trim();
      if (code) {
        location.assign(`/portal/track/${encodeURIComponent(code)}`);
      }
    },
  },
  el('label', { for: 'tracking-code' }, t('track.codeLabel')),
  el('p', { id: 'tracking-code-help', class: 'hint' }, t('track.codeHelp')),
  el('div', { class: 'inline' }, input, el('button', { type: 'submit', class: 'primary' }, t('track.lookup'))));
}

function timeline(updates) {
  const format = new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' });
  return el('ol', { class: 'timeline' }, [...updates].reverse().map(update => el('li', {},
    el('p', { class: 'when' }, el('time', { datetime: update.at }, format.format(new Date(update.at))), ' · ',
      el('strong', {}, statusLabel(update.status))),
    update.message ? el('p', { class: 'message' }, update.message) : null)));
}

async function sent() {
  notice = t('track.taskSent');
  await load();
  render();
  document.getElementById('notice')?.focus();
}

/** A task's form; the page's own heading is the h1, so the form's heading is an h2. */
function taskSection(task, drafts) {
  const due = task.due
    ? el('p', { class: 'hint' }, t('track.taskDue', { date: new Intl.DateTimeFormat(language(), { dateStyle: 'long' }).format(new Date(task.due)) }))
    : null;
  const view = formView({
    schema: task.form, translations: task.translation, data: { ...task.values, ...drafts.get(task.id) }, headingLevel: 2,
    ids: { container: `task-${task.id}`, send: `task-${task.id}-send`, status: `task-${task.id}-status` },
    send: async values => {
      await postJson(`${casePath}/tasks/${encodeURIComponent(task.id)}`, values);
      await sent();
    },
    // answered meanwhile (another window) or given up by the process
    failed: error => (error instanceof ApiError && error.status === 404 ? t('track.nothingWaiting') : problemMessage(error)),
  });
  views.set(task.id, view);
  return el('section', { class: 'holder-task' }, ownHeading(task.form) ? null : el('h2', {}, task.name), due, view.element);
}

export function render() {
  const main = document.getElementById('content');
  const drafts = new Map([...views].map(([id, view]) => [id, view.data()]));
  views.forEach(view => view.destroy());
  views = new Map();
  document.getElementById('page-heading').textContent = t('track.title');
  if (!codeInPath) {
    main.replaceChildren(lookupForm());
    return;
  }
  if (problem === 404) {
    main.replaceChildren(el('p', { class: 'not-found', role: 'alert' }, t('track.notFound')));
    return;
  }
  if (problem !== null) {
    main.replaceChildren(el('p', { role: 'alert' }, t(problem === 429 ? 'track.tooMany' : 'common.unavailable')));
    return;
  }
  if (trackedCase === null) {
    return;
  }
  // el() drops the parts that do not apply (null), replaceChildren would print them
  main.replaceChildren(el('div', {},
    notice ? el('p', { id: 'notice', class: 'notice', role: 'status', tabindex: '-1' }, notice) : null,
    el('section', { class: 'summary', 'aria-labelledby': 'status-heading' },
      el('h2', { id: 'status-heading' }, t('track.status')),
      el('p', { class: 'status', id: 'case-status', 'data-status': trackedCase.status }, statusLabel(trackedCase.status)),
      el('p', {}, t('track.reference'), ' ', el('code', {}, trackedCase.reference))),
    tasks.map(task => taskSection(task, drafts)),
    el('section', { 'aria-labelledby': 'timeline-heading' },
      el('h2', { id: 'timeline-heading' }, t('track.timeline')),
      timeline(trackedCase.updates))));
}
