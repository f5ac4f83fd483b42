package org.cultivate.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API finds its engine by name in a static registry, where the Spring context that
 * started last (another test's, with its own database) has put its own "default" engine. Before
 * each test class, the engine of the class's own context goes back there, so {@code /engine-rest}
 * answers from the server under test.
 */
class RegisteredEngine extends AbstractTestExecutionListener {

    @Override
    public void beforeTestClass(TestContext testContext) {
        ProcessEngines.registerProcessEngine(testContext.getApplicationContext().getBean(ProcessEngine.class));
    }
}
