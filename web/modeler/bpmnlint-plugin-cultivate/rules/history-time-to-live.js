const { is } = require('bpmnlint-utils');

/** Every executable process says how long its history is kept. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && !node.get('camunda:historyTimeToLive')) {
      reporter.report(node.id, 'Set a history time to live (for example P365D)');
    }
  }
  return { check };
};
