// The public portal: one page shell and one bundle; the address says which page runs.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/flatpickr/light.css';
import './portal.css';
import * as catalogue from './catalogue.js';
import * as form from './form.js';
import * as grants from './grants.js';
import * as taskforce from './taskforce.js';
import * as track from './track.js';
import * as transparency from './transparency.js';
import { layout } from './layout.js';

const PAGES = [
  ['form', /^\/portal\/forms\/[^/]+/, form],
  ['track', /^\/portal\/track(\/|$)/, track],
  ['transparency', /^\/portal\/transparency\/?$/, transparency],
  ['grants', /^\/portal\/grants\/?$/, grants],
  ['taskforce', /^\/portal\/task-force(\/[^/]+)?\/?$/, taskforce],
  ['catalogue', /./, catalogue],
];
const [name, , page] = PAGES.find(([, path]) => path.test(location.pathname));
document.body.dataset.page = name;

layout(name, async () => {
  await page.load();
  page.render();
});
