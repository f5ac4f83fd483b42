import BpmnModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler';
import DmnModeler from 'dmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import lintConfig from 'bpmnlint-config';

import * as api from './api.js';
import { el, say, when } from './dom.js';
import { NEW_DECISION, NEW_PROCESS } from './templates.js';

const params = new URLSearchParams(location.search);
const deployButton = document.getElementById('deploy');
const lintSummary = document.getElementById('lint-summary');
const problems = document.getElementById('problems');

export async function showEditor() {
  const opened = params.get('id') ? await open(params.get('id')) : fresh(params.get('new') === 'dmn' ? 'dmn' : 'bpmn');
  if (!opened) {
    return;
  }
  document.getElementById('title').textContent = opened.title;
  document.title = `${opened.title} · Cultivate modeler`;
  const editor = opened.type === 'dmn' ? await dmnEditor(opened.xml) : await bpmnEditor(opened.xml);
  deployButton.addEventListener('click', () => deployFrom(editor, opened));
  document.getElementById('download').addEventListener('click', () => download(editor, opened));
  if (opened.key) {
    await showHistory(opened.key, opened.basedOn);
  }
}

async function open(id) {
  try {
    const diagram = await api.diagram(id);
    const version = id.split(':')[1];
    return { type: diagram.type, key: diagram.key, xml: diagram.xml, basedOn: id,
      fileName: diagram.resourceName.split('/').pop(), title: `${diagram.key}, version ${version}` };
  } catch (error) {
    say(error.message, 'error');
    return null;
  }
}

function fresh(type) {
  return type === 'dmn'
    ? { type, xml: NEW_DECISION, fileName: 'new-decision.dmn', title: 'New decision table' }
    : { type, xml: NEW_PROCESS, fileName: 'new-process.bpmn', title: 'New process' };
}

async function bpmnEditor(xml) {
  const modeler = new BpmnModeler({
    container: '#canvas',
    propertiesPanel: { parent: '#properties' },
    additionalModules: [ lintModule ],
    linting: { bpmnlint: lintConfig, active: true },
  });
  modeler.on('linting.completed', ({ issues }) => showLint(issues));
  try {
    await modeler.importXML(xml);
    modeler.get('canvas').zoom('fit-viewport');
  } catch (error) {
    say(`This diagram cannot be opened: ${error.message}`, 'error');
  }
  return modeler;
}

async function dmnEditor(xml) {
  document.getElementById('properties').hidden = true;
  const modeler = new DmnModeler({ container: '#canvas' });
  try {
    await modeler.importXML(xml);
    const table = modeler.getViews().find(view => view.type === 'decisionTable');
    if (table) {
      await modeler.open(table);
    }
    deployButton.disabled = false;
    lintSummary.textContent = 'Decision tables are checked by the server when you deploy.';
  } catch (error) {
    say(`This decision table cannot be opened: ${error.message}`, 'error');
  }
  return modeler;
}

/** bpmnlint's findings, errors first; the Deploy button waits until there are no errors. */
function showLint(issues) {
  const found = Object.entries(issues).flatMap(([ id, list ]) => list.map(issue => ({ ...issue, id })));
  const errors = found.filter(issue => issue.category === 'error');
  const warnings = found.filter(issue => issue.category !== 'error');
  deployButton.disabled = errors.length > 0;
  lintSummary.textContent = errors.length
    ? `${errors.length} error${errors.length > 1 ? 's' : ''} to fix before deploying`
    : `No errors${warnings.length ? `, ${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : ''}`;
  lintSummary.className = errors.length ? 'lint-summary error' : 'lint-summary';
  problems.replaceChildren(...[ ...errors, ...warnings ].map(issue =>
    el('li', { class: issue.category === 'error' ? 'error' : 'warning' },
      el('code', {}, issue.id), ` ${issue.message} (${issue.rule})`)));
}

/** Deploys what is on the canvas; what is deployed next is based on the new version and keeps its forms. */
async function deployFrom(editor, opened) {
  deployButton.disabled = true;
  say('Deploying…');
  try {
    const { xml } = await editor.saveXML({ format: true });
    const deployed = await api.deploy(xml, opened.basedOn);
    const definition = deployed.definitions[0];
    say(`Deployed ${definition.key} version ${definition.version}. New cases start on it.`, 'success');
    opened.basedOn = definition.id;
    document.getElementById('title').textContent = `${definition.key}, version ${definition.version}`;
    history.replaceState(null, '', `/modeler/edit?id=${encodeURIComponent(definition.id)}`);
    await showHistory(definition.key, definition.id);
  } catch (error) {
    say(error.message, 'error');
    if (error.problem?.errors) {
      problems.replaceChildren(...error.problem.errors.map(problem =>
        el('li', { class: 'error' }, el('code', {}, problem.field), ` ${problem.message}`)));
    }
  } finally {
    deployButton.disabled = lintSummary.classList.contains('error');
  }
}

async function download(editor, opened) {
  const { xml } = await editor.saveXML({ format: true });
  const link = el('a', { href: URL.createObjectURL(new Blob([ xml ], { type: 'application/xml' })), download: opened.fileName });
  link.click();
  URL.revokeObjectURL(link.href);
}

async function showHistory(key, openedId) {
  const definition = (await api.definitions()).find(candidate => candidate.key === key);
  if (!definition) {
    return;
  }
  document.getElementById('history').hidden = false;
  document.querySelector('#versions tbody').replaceChildren(...definition.versions.map(version =>
    el('tr', { class: version.id === openedId ? 'current' : null },
      el('td', {}, String(version.version)),
      el('td', {}, el('time', { datetime: version.deployedAt }, when(version.deployedAt))),
      el('td', {}, version.deployedBy || `${version.source || version.deploymentName} (at start-up)`),
      el('td', {}, version.runningCases === undefined ? '—' : String(version.runningCases)),
      el('td', {}, el('a', { href: `/modeler/edit?id=${encodeURIComponent(version.id)}` }, 'Open')))));
  const form = document.getElementById('migrate');
  form.hidden = definition.type !== 'bpmn' || definition.versions.length < 2;
  const options = selected => definition.versions.map(version =>
    el('option', { value: version.id, selected: version.id === selected },
      `${version.version}${version.runningCases ? ` (${version.runningCases} running)` : ''}`));
  const withCases = definition.versions.find((version, index) => index > 0 && version.runningCases > 0);
  document.getElementById('migrate-from').replaceChildren(...options((withCases || definition.versions[1] || {}).id));
  document.getElementById('migrate-to').replaceChildren(...options(definition.versions[0].id));
  form.onsubmit = event => {
    event.preventDefault();
    migrateCases(key, openedId);
  };
}

async function migrateCases(key, openedId) {
  const from = document.getElementById('migrate-from').value;
  const to = document.getElementById('migrate-to').value;
  const result = document.getElementById('migration-result');
  result.replaceChildren('Migrating…');
  try {
    const outcome = await api.migrate(from, to);
    result.replaceChildren(
      el('p', { class: 'success' }, `Migrated ${outcome.migrated.length} case${outcome.migrated.length === 1 ? '' : 's'}.`),
      outcome.notMigrated.length
        ? el('div', {},
          el('p', { class: 'error' }, `${outcome.notMigrated.length} could not be migrated and stay on their version:`),
          el('ul', {}, outcome.notMigrated.map(instance =>
            el('li', {}, el('code', {}, instance.businessKey || instance.processInstanceId), ': ', instance.reasons.join('; ')))))
        : null);
    await showHistory(key, openedId);
  } catch (error) {
    const reasons = error.problem?.errors || [];
    result.replaceChildren(el('p', { class: 'error' }, error.message),
      el('ul', {}, reasons.map(reason => el('li', {}, el('code', {}, reason.field), ` ${reason.message}`))));
  }
}
