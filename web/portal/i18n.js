// Page strings in English, Spanish, French and Arabic (written right to left). The language is the one the reader picked with the switch
// (kept in localStorage), or else the first of the browser's languages that the portal speaks.
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import ar from './i18n/ar.json';

const CATALOGUES = { en, es, fr, ar };
const RIGHT_TO_LEFT = ['ar'];
export const LANGUAGES = Object.keys(CATALOGUES);
const STORAGE_KEY = 'cultivate.language';

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function chooseLanguage(preferred = navigator.languages ?? [navigator.language]) {
  const remembered = stored();
  if (LANGUAGES.includes(remembered)) {
    return remembered;
  }
  const match = preferred.map(tag => String(tag).toLowerCase().split('-')[0]).find(tag => LANGUAGES.includes(tag));
  return match ?? 'en';
}

let current = chooseLanguage();

export function language() {
  return current;
}

export function rememberLanguage(chosen) {
  current = chosen;
  try {
    localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // private windows may refuse storage; the choice then lasts for this page only
  }
}

/** The string for `key` in the current language, English when it is missing, `{name}` filled from `values`. */
export function t(key, values = {}) {
  const text = CATALOGUES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Whether there is a string for `key`, so callers can fall back to what the server says. */
export function has(key) {
  return key in CATALOGUES[current] || key in en;
}

/** Fills every `data-i18n` element's text and every `data-i18n-ATTR` attribute under `root`. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.documentElement.dir = RIGHT_TO_LEFT.includes(current) ? 'rtl' : 'ltr';
  root.querySelectorAll('[data-i18n]').forEach(element => {
    element.textContent = t(element.dataset.i18n);
  });
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    const data = 'i18n' + attribute.replace(/(^|-)(\w)/g, (whole, dash, letter) => letter.toUpperCase());
    root.querySelectorAll(`[data-i18n-${attribute}]`).forEach(element => {
      element.setAttribute(attribute, t(element.dataset[data]));
    });
  }
}
