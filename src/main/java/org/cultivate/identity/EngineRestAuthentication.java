package org.cultivate.identity;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic on {@code /engine-rest}. Without this filter every REST call runs as nobody and the
 * engine skips its authorization checks: anyone would see every case.
 */
@Configuration
class EngineRestAuthentication {

    private static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("cultivate-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    /** Runs inside the authentication filter, so the engine knows the caller when it checks. */
    @Bean
    FilterRegistrationBean<TaskAttachmentGuard> taskAttachmentGuard(TaskService taskService, HistoryService historyService) {
        var registration = new FilterRegistrationBean<>(new TaskAttachmentGuard(taskService, historyService));
        registration.setName("cultivate-task-attachment-guard");
        registration.addUrlPatterns("/engine-rest/task/*");
        registration.setOrder(AUTHENTICATION_ORDER + 1);
        return registration;
    }
}
