const { isAny } = require('bpmnlint-utils');

// Ids that modelers generate, such as Activity_0abc123, Flow_1x2y3z4 or StartEvent_1 (same as DiagramConventions.java).
const GENERATED_ID = /^(?:[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|[A-Za-z]+_[0-9]+)$/;

/** Every process, flow element, participant, lane and message has an id that says what it is. */
module.exports = function() {
  function check(node, reporter) {
    if (isAny(node, [ 'bpmn:Process', 'bpmn:FlowElement', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:Message' ])
        && (!node.id || GENERATED_ID.test(node.id))) {
      reporter.report(node.id, 'Give it an id that says what it is, such as UserTask_TriageReport or Flow_Severity_Critical');
    }
  }
  return { check };
};
