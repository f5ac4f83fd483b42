import 'camunda-bpmn-js/dist/assets/diagram-js.css';
import 'camunda-bpmn-js/dist/assets/bpmn-js.css';
import 'camunda-bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import 'camunda-bpmn-js/dist/assets/diagram-js-minimap.css';
import 'camunda-bpmn-js/dist/assets/properties-panel.css';
import 'camunda-bpmn-js/dist/assets/color-picker.css';
import 'camunda-bpmn-js/dist/assets/element-templates.css';
import 'camunda-bpmn-js/dist/assets/popup-menu.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';
import './modeler.css';

import { currentSession } from './api.js';
import { showEditor } from './edit.js';
import { showList } from './list.js';

// Fonts and styles are bundled from npm packages (the non-embedded icon fonts, so that font-src 'self' suffices).
currentSession().then(session => {
  if (session?.user) {
    document.getElementById('session').textContent = `Signed in as ${session.user}`;
  }
});

if (document.body.dataset.page === 'edit') {
  showEditor();
} else {
  showList();
}
