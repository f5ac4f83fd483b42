package org.cultivate.identity;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes a successful staff read of a sensitive case's data to the {@link CaseReadLog}: task and
 * case variables, task forms, comments and attachments, and history queries for one case, on
 * {@code /engine-rest} and on the webapps' engine API. Runs outside the engine authentication,
 * so it can resolve the case of any id; it logs only answers the engine gave (2xx) to a caller
 * who may read the case, so an empty list is not a read.
 */
class CaseReadRecorder extends OncePerRequestFilter {

    private static final String ENGINE = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern TASK_DATA = Pattern.compile(ENGINE
            + "/task/([^/]+)/(?:variables|localVariables|form-variables|deployed-form|rendered-form|form|comment|attachment)(?:/.*)?$");
    private static final Pattern CASE_DATA = Pattern.compile(ENGINE + "/(?:process-instance|history/process-instance)/([^/]+)(?:/variables(?:/.*)?)?$");
    private static final Pattern HISTORY_QUERY = Pattern.compile(ENGINE + "/(?:history/[a-z-]+|variable-instance)/?$");
    private static final Pattern CASE_PARAMETER = Pattern.compile("(?:^|&)(?:processInstanceId|processInstanceIdIn)=([^&,]+)");

    private final CaseReadLog log;
    private final Supplier<ProcessEngine> engine;

    CaseReadRecorder(CaseReadLog log, Supplier<ProcessEngine> engine) {
        this.log = log;
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (!"GET".equals(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        Optional<Authentication> user = StaffCredentials.signedIn();
        if (user.isEmpty()) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        caseOf(path, request.getQueryString())
                .filter(found -> log.logs(found.getProcessDefinitionKey()))
                .filter(found -> mayRead(user.get(), found.getId()))
                .ifPresent(found -> log.record(found.getId(), found.getBusinessKey(), user.get().getName(), "GET " + path));
    }

    /** A query that found nothing of the case (an empty list) read nothing: ask the engine as the caller. */
    private boolean mayRead(Authentication user, String processInstanceId) {
        IdentityService identityService = engine.get().getIdentityService();
        identityService.setAuthentication(user.getName(), StaffCredentials.groupsOf(user));
        try {
            return engine.get().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The case a read is about, looked up without the caller's authorizations (the engine already checked them). */
    private Optional<HistoricProcessInstance> caseOf(String path, String query) {
        HistoryService historyService = engine.get().getHistoryService();
        Matcher task = TASK_DATA.matcher(path);
        if (task.matches()) {
            HistoricTaskInstance found = historyService.createHistoricTaskInstanceQuery().taskId(task.group(1)).singleResult();
            return found == null ? Optional.empty() : instance(historyService, found.getProcessInstanceId());
        }
        Matcher instance = CASE_DATA.matcher(path);
        if (instance.matches()) {
            return instance(historyService, instance.group(1));
        }
        if (HISTORY_QUERY.matcher(path).matches() && query != null) {
            Matcher parameter = CASE_PARAMETER.matcher(query);
            if (parameter.find()) {
                return instance(historyService, parameter.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<HistoricProcessInstance> instance(HistoryService historyService, String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
    }
}
