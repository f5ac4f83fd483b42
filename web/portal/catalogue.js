// /portal: the public forms, each with a short explanation.
import { getJson } from './api.js';
import { has, t } from './i18n.js';
import { el } from '../shared/el.js';

let forms = null;
let failed = false;

export async function load() {
  try {
    forms = await getJson('/api/forms');
  } catch {
    failed = true;
  }
}

export function render() {
  document.getElementById('page-heading').textContent = t('catalogue.heading');
  const content = document.getElementById('content');
  const intro = el('p', { class: 'intro' }, t('catalogue.intro'));
  const list = el('div', { id: 'forms' });
  content.replaceChildren(intro, list);
  if (failed) {
    list.replaceChildren(el('p', { role: 'alert' }, t('common.unavailable')));
    return;
  }
  if (forms === null) {
    return;
  }
  if (forms.length === 0) {
    list.replaceChildren(el('p', {}, t('catalogue.empty')));
    return;
  }
  list.replaceChildren(el('ul', { class: 'cards' }, forms.map(form => {
    const title = has(`form.${form.formId}.title`) ? t(`form.${form.formId}.title`) : form.title;
    const about = has(`form.${form.formId}.about`) ? t(`form.${form.formId}.about`) : t('catalogue.about');
    return el('li', { class: 'card' },
      el('h2', {}, el('a', { href: `/portal/forms/${encodeURIComponent(form.formId)}` }, title)),
      el('p', {}, about));
  })));
}
