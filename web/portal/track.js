// /portal/track and /portal/track/{code}: the case's status and timeline, the committee's question
// with an answer box, the appeal while one is open. An unknown code shows "not found" and nothing else.
import { ApiError, getJson, postJson } from './api.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';

// statuses the processes set (caseTracking.update) that ask something of the holder
const AWAITING_ANSWER = 'awaiting-information';
const APPEAL_OPEN = 'appeal-open';

const codeInPath = decodeURIComponent(location.pathname.replace(/^\/portal\/track\/?/, '').split('/')[0] ?? '');
let trackedCase = null;
let problem = null;
let notice = null;

export async function load() {
  if (!codeInPath) {
    return;
  }
  try {
    trackedCase = await getJson(`/api/tracking/${encodeURIComponent(codeInPath)}`);
    problem = null;
  } catch (error) {
    trackedCase = null;
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

/** A box to write to the committee: an answer to its question, or an appeal. */
function messageBox(kind, endpoint) {
  const id = `${kind}-text`;
  const textarea = el('textarea', { id, name: 'text', required: true, maxlength: '5000', rows: '5' });
  const status = el('p', { class: 'form-status', role: 'status' });
  const button = el('button', { type: 'submit', class: 'primary' }, t(`track.${kind}.send`));
  return el('form', {
    class: 'message-box', id: `${kind}-form`, onsubmit: async event => {
      event.preventDefault();
      if (!textarea.value.trim()) {
        status.textContent = t('track.emptyMessage');
        textarea.focus();
        return;
      }
      button.disabled = true;
      try {
        await postJson(`/api/tracking/${encodeURIComponent(codeInPath)}/${endpoint}`, { text: textarea.value });
        notice = t(`track.${kind}.sent`);
        await load();
        render();
        document.getElementById('notice')?.focus();
      } catch (error) {
        status.textContent = error instanceof ApiError && error.status === 409 ? t('track.nothingWaiting') : t('common.unavailable');
        button.disabled = false;
      }
    },
  },
  el('h2', {}, t(`track.${kind}.heading`)),
  el('p', { class: 'hint' }, t(`track.${kind}.help`)),
  el('label', { for: id }, t(`track.${kind}.label`)),
  textarea, button, status);
}

export function render() {
  const main = document.getElementById('content');
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
  const questions = trackedCase.updates.filter(update => update.status === AWAITING_ANSWER);
  // el() drops the parts that do not apply (null), replaceChildren would print them
  main.replaceChildren(el('div', {},
    notice ? el('p', { id: 'notice', class: 'notice', role: 'status', tabindex: '-1' }, notice) : null,
    el('section', { class: 'summary', 'aria-labelledby': 'status-heading' },
      el('h2', { id: 'status-heading' }, t('track.status')),
      el('p', { class: 'status', id: 'case-status', 'data-status': trackedCase.status }, statusLabel(trackedCase.status)),
      el('p', {}, t('track.reference'), ' ', el('code', {}, trackedCase.reference))),
    trackedCase.status === AWAITING_ANSWER ? el('section', { class: 'question' },
      el('h2', {}, t('track.question')),
      el('blockquote', { id: 'question' }, questions.at(-1)?.message ?? ''),
      messageBox('answer', 'replies')) : null,
    trackedCase.status === APPEAL_OPEN ? el('section', { class: 'appeal' }, messageBox('appeal', 'appeals')) : null,
    el('section', { 'aria-labelledby': 'timeline-heading' },
      el('h2', { id: 'timeline-heading' }, t('track.timeline')),
      timeline(trackedCase.updates))));
}
