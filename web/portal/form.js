// /portal/forms/{formId}: the form exactly as the server deployed it, rendered by form-js, its
// labels in the reader's language; the server's field errors shown where form-js shows its own.
import { Form } from '@bpmn-io/form-js';
import { ApiError, getJson, postJson } from './api.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';

const formId = decodeURIComponent(location.pathname.replace(/^\/portal\/forms\//, '').split('/')[0]);
let schema = null;
let translations = {};
let formJs = null;
let receipt = null;
let shownLanguage = null;
let failure = null;

export async function load() {
  try {
    schema = await getJson(`/api/forms/${encodeURIComponent(formId)}`);
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

function eachComponent(components, visit) {
  for (const component of components ?? []) {
    visit(component);
    eachComponent(component.components, visit);
  }
}

/**
 * The deployed schema with the texts of the translation (keyed by component id). Keys, values and
 * rules stay as deployed, so the server checks the submission against the very same form.
 */
function localized(deployed) {
  const copy = structuredClone(deployed);
  eachComponent(copy.components, component => {
    const texts = translations[component.id] ?? {};
    for (const property of ['label', 'description', 'text', 'dateLabel', 'timeLabel']) {
      if (typeof texts[property] === 'string') {
        component[property] = texts[property];
      }
    }
    for (const option of component.values ?? []) {
      option.label = texts.values?.[option.value] ?? option.label;
    }
    // a form that asks for the language of our messages starts with the one the reader chose
    if (component.key === 'language' && (component.values ?? []).some(option => option.value === language())) {
      component.defaultValue = language();
    }
  });
  return copy;
}

// form-js's own messages, said again in the reader's language (form-js has no translations of its own)
const FORM_JS_MESSAGES = [
  [/^Field is required\.$/, () => t('rule.required')],
  [/^Field must have minimum length of (\S+)\.$/, limit => t('rule.minLength', { limit })],
  [/^Field must have maximum length of (\S+)\.$/, limit => t('rule.maxLength', { limit })],
  [/^Field must have minimum value of (\S+)\.$/, limit => t('rule.min', { limit })],
  [/^Field must have maximum value of (\S+)\.$/, limit => t('rule.max', { limit })],
  [/^Field must be a valid email\.$/, () => t('rule.email')],
  [/^Field must be a valid +international phone number/, () => t('rule.phone')],
  [/^Field must match pattern/, () => t('rule.pattern')],
  [/^Value is not a number\.$/, () => t('rule.number')],
];

function translateFormJsMessage(message) {
  for (const [pattern, say] of FORM_JS_MESSAGES) {
    const match = message.match(pattern);
    if (match) {
      return say(match[1]);
    }
  }
  return message;
}

/** What the server said about a field, in the reader's language when it gave a rule we know. */
function serverMessage(error) {
  const limit = typeof error.limit === 'number' ? new Intl.NumberFormat(language()).format(error.limit) : error.limit;
  return error.rule && has(`rule.${error.rule}`) ? t(`rule.${error.rule}`, { limit }) : error.message;
}

function ownHeading(deployed) {
  const first = deployed.components?.[0];
  return first?.type === 'text' && /^\s*#/.test(first.text ?? '');
}

function componentIdsByKey() {
  const ids = {};
  eachComponent(schema.components, component => {
    if (component.key) {
      ids[component.key] = component.id;
    }
  });
  return ids;
}

/** Puts the cursor in the first field with an error, once form-js has drawn the errors. */
function focusFirstError() {
  setTimeout(() => document.querySelector('#form-container [aria-invalid="true"]')?.focus());
}

async function submitted({ data, errors }, status, button) {
  if (button.disabled) {
    return;
  }
  if (Object.keys(errors).length > 0) {
    status.textContent = t('form.fixFields');
    focusFirstError();
    return;
  }
  button.disabled = true;
  status.textContent = t('form.sending');
  try {
    receipt = await postJson(`/api/forms/${encodeURIComponent(formId)}/submissions`, data);
    render();
    document.getElementById('receipt-heading')?.focus();
  } catch (error) {
    button.disabled = false;
    const fieldErrors = error instanceof ApiError ? error.problem.errors ?? [] : [];
    if (fieldErrors.length === 0) {
      status.textContent = error instanceof ApiError && error.status < 500 ? error.message : t('common.unavailable');
      return;
    }
    const ids = componentIdsByKey();
    const shown = {};
    const elsewhere = [];
    for (const fieldError of fieldErrors) {
      const id = ids[fieldError.field];
      if (id) {
        (shown[id] ??= []).push(serverMessage(fieldError));
      } else {
        elsewhere.push(serverMessage(fieldError));
      }
    }
    // form-js keeps errors by component id, and shows them under their field, linked by aria-describedby
    formJs._setState({ errors: shown });
    status.textContent = [t('form.fixFields'), ...elsewhere].join(' ');
    focusFirstError();
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
    formJs?.destroy();
    formJs = null;
    content.replaceChildren(receiptView());
    return;
  }
  if (!schema) {
    return;
  }
  const data = formJs ? formJs._getState().data : {};
  // a language answer the reader did not change follows the language they switch to
  if (data.language === shownLanguage) {
    delete data.language;
  }
  shownLanguage = language();
  formJs?.destroy();
  const container = el('div', { id: 'form-container' });
  const status = el('p', { class: 'form-status', role: 'status', id: 'form-status' });
  // form-js renders its own <form>: Enter in a field submits it, and so does this button
  const button = el('button', { type: 'button', class: 'primary', id: 'send', onclick: () => formJs.submit() }, t('form.send'));
  content.replaceChildren(el('p', { class: 'intro' }, t('form.intro')), container, el('div', { class: 'actions' }, button, status));
  // Without debounce: form-js passes a text field's input on 300 ms late, early only when the field loses focus.
  // A Send clicked sooner in a browser whose buttons take no focus (Safari, Firefox on macOS) submitted the stale
  // value: no request, "required" under a filled-in box. form-js-viewer's useFlushDebounce reads this config key.
  formJs = new Form({ container, debounce: false });
  const validator = formJs.get('validator');
  const validateFieldInstance = validator.validateFieldInstance.bind(validator);
  validator.validateFieldInstance = (instance, value) => validateFieldInstance(instance, value).map(translateFormJsMessage);
  formJs.on('submit', result => submitted(result, status, button));
  formJs.importSchema(localized(schema), data);
}
