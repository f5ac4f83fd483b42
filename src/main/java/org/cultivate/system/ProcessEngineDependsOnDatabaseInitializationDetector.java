package org.cultivate.system;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine starts only after Liquibase has created or upgraded its schema: with
 * {@code schema-update: false} it refuses to start on a database without its tables. Spring Boot
 * orders Quartz and Spring Batch the same way; registered in {@code META-INF/spring.factories}.
 */
class ProcessEngineDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
    }
}
