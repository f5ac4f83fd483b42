const { is } = require('bpmnlint-utils');

// The start-event property that says a process is only started by another one, so nobody fills in a form.
const CALLED_PROPERTY = 'called';

function isCalledOnly(startEvent) {
  const extensions = (startEvent.extensionElements && startEvent.extensionElements.values) || [];
  return extensions
    .filter(extension => is(extension, 'camunda:Properties'))
    .flatMap(properties => properties.values || [])
    .some(property => property.name === CALLED_PROPERTY && property.value === 'true');
}

function needsForm(node) {
  if (is(node, 'bpmn:UserTask')) {
    return true;
  }
  return is(node, 'bpmn:StartEvent') && is(node.$parent, 'bpmn:Process')
    && !(node.eventDefinitions && node.eventDefinitions.length) && !isCalledOnly(node);
}

/** Every user task, and the start event a person fills in, has a Camunda Form bound to its deployment. */
module.exports = function() {
  function check(node, reporter) {
    if (!needsForm(node)) {
      return;
    }
    const formRef = node.get('camunda:formRef');
    if (!formRef) {
      reporter.report(node.id, 'Needs a form: set a Camunda Form reference (formRef) with binding "deployment"');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, `Bind the form "${formRef}" to the deployment`);
    }
  }
  return { check };
};
