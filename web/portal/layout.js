// The parts every page shares: the header with its navigation and language switch, and the footer.
import { el } from '../shared/el.js';
import { LANGUAGES, language, rememberLanguage, t, translatePage } from './i18n.js';

const LANGUAGE_NAMES = { en: 'English', es: 'Español', fr: 'Français', ar: 'العربية' };

function header(page) {
  const link = (href, key, name) => el('a', { href, 'data-i18n': key, 'aria-current': page === name ? 'page' : null }, t(key));
  const switcher = el('div', { class: 'language-switch', role: 'group', 'aria-labelledby': 'language-label' },
    el('span', { id: 'language-label', class: 'visually-hidden', 'data-i18n': 'layout.language' }, t('layout.language')),
    LANGUAGES.map(code => el('button', {
      type: 'button', lang: code, 'data-language': code, 'aria-pressed': String(code === language()),
    }, LANGUAGE_NAMES[code])));
  return el('div', { class: 'bar' },
    el('a', { class: 'brand', href: '/portal' }, 'Cultivate'),
    el('nav', { 'aria-label': t('layout.navigation'), 'data-i18n-aria-label': 'layout.navigation' },
      link('/portal', 'layout.forms', 'catalogue'),
      link('/portal/track', 'layout.track', 'track'),
      link('/portal/grants', 'layout.grants', 'grants'),
      link('/portal/task-force', 'layout.taskforce', 'taskforce'),
      link('/portal/transparency', 'layout.transparency', 'transparency')),
    switcher);
}

/** Draws the header and footer, and calls `render` again whenever the reader switches the language. */
export function layout(page, render) {
  document.getElementById('site-header').replaceChildren(header(page));
  document.getElementById('site-footer').replaceChildren(el('p', { 'data-i18n': 'layout.footer' }, t('layout.footer')));
  document.querySelectorAll('[data-language]').forEach(button => button.addEventListener('click', () => {
    rememberLanguage(button.dataset.language);
    document.querySelectorAll('[data-language]').forEach(other =>
      other.setAttribute('aria-pressed', String(other.dataset.language === language())));
    translatePage();
    document.title = t(`${page}.pageTitle`);
    render();
  }));
  translatePage();
  document.title = t(`${page}.pageTitle`);
  render();
}
