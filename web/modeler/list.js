import { definitions } from './api.js';
import { el, say } from './dom.js';

const KINDS = { bpmn: 'Process', dmn: 'Decision table' };

export async function showList() {
  say('Loading…');
  const body = document.querySelector('#definitions tbody');
  try {
    const all = await definitions();
    body.replaceChildren(...all.map(definition => {
      const latest = definition.versions[0];
      const running = definition.type === 'bpmn'
        ? String(definition.versions.reduce((sum, version) => sum + (version.runningCases || 0), 0))
        : '—';
      return el('tr', {},
        el('td', {}, definition.name || definition.key),
        el('td', {}, el('code', {}, definition.key)),
        el('td', {}, KINDS[definition.type]),
        el('td', {}, String(latest.version)),
        el('td', {}, String(definition.versions.length)),
        el('td', {}, running),
        el('td', {}, el('a', { href: `/modeler/edit?id=${encodeURIComponent(latest.id)}`, 'aria-label': `Open ${definition.key}` }, 'Open')));
    }));
    say('');
  } catch (error) {
    say(error.message, 'error');
  }
}
