// /portal/forms/{formId}: the form exactly as the server deployed it, rendered by form-js, its
// labels in the reader's language; the server's field errors shown where form-js shows its own.
import { ApiError, getJson, postJson } from './api.js';
import { formView, ownHeading } from './form-view.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';

const formId = decodeURIComponent(location.pathname.replace(/^\/portal\/forms\//, '').split('/')[0]);
let schema = null;
let translations = {};
let view = null;
let receipt = null;
let shownLanguage = null;
let failure = null;
// a form that lets the reader choose among open calls (form-js valuesKey "openCalls") gets them here
let openCalls = null;

export async function load() {
  try {
    schema = await getJson(`/api/forms/${encodeURIComponent(formId)}`);
    if (JSON.stringify(schema).includes('"valuesKey":"openCalls"')) {
      openCalls = (await getJson('/api/task-force/calls'))
        .map(call => ({ label: call.translations?.[language()]?.name || call.name, value: call.reference }));
    }
    await loadTranslation();
  } catch (error) {
    failure = error instanceof ApiError && error.status === 404 ? 'form.notFound' : 'common.unavailable';
  }
}

async function loadTranslation() {
  translations = {};
  if (language() === 'en') {
    return;
  }
  try {
    translations = await getJson(`/api/forms/${encodeURIComponent(formId)}/translations/${language()}`);
  } catch {
    // no translation: the form shows as deployed
  }
}

function receiptView() {
  const code = el('code', { id: 'tracking-code', class: 'tracking-code' }, receipt.trackingCode);
  const copied = el('span', { class: 'form-status', role: 'status' });
  const copy = el('button', {
    type: 'button', class: 'primary', id: 'copy-code', onclick: async () => {
      try {
        await navigator.clipboard.writeText(receipt.trackingCode);
        copied.textContent = t('receipt.copied');
      } catch {
        getSelection().selectAllChildren(code);
        copied.textContent = t('receipt.copyByHand');
      }
    },
  }, t('receipt.copy'));
  return el('section', { class: 'receipt', 'aria-labelledby': 'receipt-heading' },
    el('h2', { id: 'receipt-heading', tabindex: '-1' }, t('receipt.title')),
    el('p', {}, t('receipt.codeIs')),
    el('p', { class: 'code-line' }, code, copy, copied),
    el('p', { class: 'warning' }, t('receipt.keep')),
    el('p', {}, t('receipt.email')),
    el('p', {}, t('receipt.reference'), ' ', el('code', {}, receipt.reference)),
    el('p', {}, el('a', { href: '/portal/track' }, t('receipt.track'))));
}

/** What the form starts with: the open calls to choose from, and the one the address names (?call=…). */
function initialData() {
  if (!openCalls) {
    return {};
  }
  const chosen = new URLSearchParams(location.search).get('call');
  return { openCalls, ...(openCalls.some(call => call.value === chosen) ? { callReference: chosen } : {}) };
}

export function render() {
  const content = document.getElementById('content');
  const heading = document.getElementById('page-heading');
  heading.textContent = has(`form.${formId}.title`) ? t(`form.${formId}.title`) : t('form.title');
  // a form that opens with its own heading (as Camunda Forms do) needs no second one
  heading.hidden = Boolean(schema && !receipt && ownHeading(schema));
  if (failure) {
    content.replaceChildren(el('p', { role: 'alert' }, t(failure)));
    return;
  }
  if (receipt) {
    view?.destroy();
    view = null;
    content.replaceChildren(receiptView());
    return;
  }
  if (!schema) {
    return;
  }
  const data = view ? { ...initialData(), ...view.data() } : initialData();
  // a language answer the reader did not change follows the language they switch to
  if (data.language === shownLanguage) {
    delete data.language;
  }
  shownLanguage = language();
  view?.destroy();
  view = formView({
    schema, translations, data,
    ids: { container: 'form-container', send: 'send', status: 'form-status' },
    send: async values => {
      receipt = await postJson(`/api/forms/${encodeURIComponent(formId)}/submissions`, values);
      render();
      document.getElementById('receipt-heading')?.focus();
    },
  });
  content.replaceChildren(view.element);
}
