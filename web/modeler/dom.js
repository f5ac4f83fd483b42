// The modeler's status line and dates; elements come from the shared helper.
export { el } from '../shared/el.js';

export function say(text, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = text;
  status.className = kind;
}

export function when(instant) {
  return new Date(instant).toLocaleString();
}
