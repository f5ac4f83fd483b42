package org.cultivate.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda's REST API finds its engine by name in a static registry, and every cached test context
 * registers its own engine as "default" — the last one started wins. Before each test class this
 * registers the class's own engine again, so its {@code /engine-rest} calls reach its own database.
 * Production has one engine, so this concerns tests only.
 */
public class ActiveEngineTestListener implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
