package org.cultivate.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds Cultivate's BPMN parse listeners to an engine being configured, beside any others. */
public final class ParseListeners {

    private ParseListeners() {
    }

    /** Runs before the engine's own parse listeners: what it adds to a process comes first. */
    public static void addBeforeEngine(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(listener);
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** Runs after the engine's own parse listeners. */
    public static void addAfterEngine(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(listener);
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
