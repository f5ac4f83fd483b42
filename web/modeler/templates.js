// What "new diagram" starts from: the smallest diagrams that keep Cultivate's conventions.
export const NEW_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  xmlns:modeler="http://camunda.org/schema/modeler/1.0"
                  id="Definitions_NewProcess" targetNamespace="https://cultivate.example/processes"
                  modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="new-process" name="New process" isExecutable="true" camunda:historyTimeToLive="P365D">
    <bpmn:startEvent id="StartEvent_Started" name="Started by another process">
      <bpmn:extensionElements>
        <camunda:properties>
          <camunda:property name="called" value="true" />
        </camunda:properties>
      </bpmn:extensionElements>
      <bpmn:outgoing>Flow_Started_Done</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="EndEvent_Done" name="Done">
      <bpmn:incoming>Flow_Started_Done</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_Started_Done" sourceRef="StartEvent_Started" targetRef="EndEvent_Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_NewProcess">
    <bpmndi:BPMNPlane id="BPMNPlane_NewProcess" bpmnElement="new-process">
      <bpmndi:BPMNShape id="BPMNShape_StartEvent_Started" bpmnElement="StartEvent_Started">
        <dc:Bounds x="180" y="100" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="156" y="143" width="84" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="BPMNShape_EndEvent_Done" bpmnElement="EndEvent_Done">
        <dc:Bounds x="332" y="100" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="337" y="143" width="26" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="BPMNEdge_Flow_Started_Done" bpmnElement="Flow_Started_Done">
        <di:waypoint x="216" y="118" />
        <di:waypoint x="332" y="118" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

export const NEW_DECISION = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
             xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"
             xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/"
             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
             xmlns:modeler="http://camunda.org/schema/modeler/1.0"
             id="Definitions_NewDecision" name="New decision" namespace="https://cultivate.example/decisions"
             modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <decision id="new-decision" name="New decision" camunda:historyTimeToLive="P365D">
    <decisionTable id="DecisionTable_NewDecision">
      <input id="Input_Value" label="Value">
        <inputExpression id="InputExpression_Value" typeRef="string"><text>value</text></inputExpression>
      </input>
      <output id="Output_Result" label="Result" name="result" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_NewDecision">
      <dmndi:DMNShape id="DMNShape_NewDecision" dmnElementRef="new-decision">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
