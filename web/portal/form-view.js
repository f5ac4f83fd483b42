// A deployed Camunda Form rendered by form-js in the reader's language and sent to the server,
// the server's field errors shown where form-js shows its own: the public forms and the holder
// tasks on the tracking page are this one piece.
import { Form } from '@bpmn-io/form-js';
import { ApiError } from './api.js';
import { countWords } from './word-count.js';
import { has, language, t } from './i18n.js';
import { el } from '../shared/el.js';

function eachComponent(components, visit) {
  for (const component of components ?? []) {
    visit(component);
    eachComponent(component.components, visit);
  }
}

/**
 * The deployed schema with the texts of the translation (keyed by component id). Keys, values and
 * rules stay as deployed, so the server checks the submission against the very same form.
 * `headingLevel` is the level the form's own top heading takes on the page.
 */
function localized(deployed, translations, headingLevel) {
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
    if (component.type === 'text' && typeof component.text === 'string' && headingLevel > 1) {
      component.text = component.text.replace(/^#{1,5}(?=\s)/gm, hashes => '#'.repeat(headingLevel - 1) + hashes);
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

/** Whether the form opens with a heading of its own (as Camunda Forms do), so that it needs no second one. */
export function ownHeading(deployed) {
  const first = deployed.components?.[0];
  return first?.type === 'text' && /^\s*#/.test(first.text ?? '');
}

function componentIdsByKey(schema) {
  const ids = {};
  eachComponent(schema.components, component => {
    if (component.key) {
      ids[component.key] = component.id;
    }
  });
  return ids;
}

/** The line under the Send button when the server refused the submission as a whole. */
export function problemMessage(error) {
  return error instanceof ApiError && error.status < 500 ? error.message : t('common.unavailable');
}

/**
 * Renders `schema` with form-js: `data` filled in, its texts from `translations`, a Send button
 * (ids from `ids`: container, send, status). A submission form-js finds fine goes to `send(data)`;
 * when that throws, the server's field errors go under their fields and anything else to the line
 * beside the button (`failed(error)` says what). Returns the element, the data typed so far and
 * `destroy`.
 */
export function formView({ schema, translations = {}, data = {}, headingLevel = 1, ids, send, failed = problemMessage }) {
  const container = el('div', { id: ids.container });
  const status = el('p', { class: 'form-status', role: 'status', id: ids.status });
  // form-js renders its own <form>: Enter in a field submits it, and so does this button
  const button = el('button', { type: 'button', class: 'primary', id: ids.send, onclick: () => formJs.submit() }, t('form.send'));
  // Without debounce: form-js passes a text field's input on 300 ms late, early only when the field loses focus.
  // A Send clicked sooner in a browser whose buttons take no focus (Safari, Firefox on macOS) submitted the stale
  // value: no request, "required" under a filled-in box. form-js-viewer's useFlushDebounce reads this config key.
  const formJs = new Form({ container, debounce: false });
  const validator = formJs.get('validator');
  const validateFieldInstance = validator.validateFieldInstance.bind(validator);
  const fields = formJs.get('formFieldRegistry');
  // form-js knows no word limit: the one the server keeps (cultivate.maxWords), checked here as the reader types
  validator.validateFieldInstance = (instance, value) => {
    const errors = validateFieldInstance(instance, value).map(translateFormJsMessage);
    const maxWords = Number(fields.get(instance.id)?.properties?.['cultivate.maxWords']);
    if (maxWords > 0 && countWords(value) > maxWords) {
      errors.push(t('rule.maxWords', { limit: new Intl.NumberFormat(language()).format(maxWords) }));
    }
    return errors;
  };

  /** Puts the cursor in the first field with an error, once form-js has drawn the errors. */
  const focusFirstError = () => setTimeout(() => container.querySelector('[aria-invalid="true"]')?.focus());

  formJs.on('submit', async ({ data: submitted, errors }) => {
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
      await send(submitted);
    } catch (error) {
      button.disabled = false;
      const fieldErrors = error instanceof ApiError ? error.problem.errors ?? [] : [];
      if (fieldErrors.length === 0) {
        status.textContent = failed(error);
        return;
      }
      const idsByKey = componentIdsByKey(schema);
      const shown = {};
      const elsewhere = [];
      for (const fieldError of fieldErrors) {
        const id = idsByKey[fieldError.field];
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
  });
  formJs.importSchema(localized(schema, translations, headingLevel), data);

  return {
    element: el('div', { class: 'form-view' },
      el('p', { class: 'intro' }, t('form.intro')), container, el('div', { class: 'actions' }, button, status)),
    data: () => formJs._getState().data,
    destroy: () => formJs.destroy(),
  };
}
