package org.cultivate.identity;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine hands out a task's comment or attachment fetched by id
 * ({@code /task/{taskId}/comment/{id}}, {@code /task/{taskId}/attachment/{id}[/data]}) without
 * checking that the caller may see the task (docs/security.md). This filter, behind the
 * authentication, answers those requests with 404 unless the caller can read the task or its
 * history, so a recused member or another committee cannot read a case's comments by guessing ids.
 */
class TaskAttachmentGuard extends OncePerRequestFilter {

    /** On {@code /engine-rest} and on the webapps' engine API alike. */
    private static final Pattern SINGLE_ITEM = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(comment|attachment)/[^/]+(/data)?/?$");

    private final Supplier<ProcessEngine> engine;

    TaskAttachmentGuard(Supplier<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher item = SINGLE_ITEM.matcher(path);
        if ("GET".equals(request.getMethod()) && item.matches() && !readable(item.group(1))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"No task found\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The engine's own authorization checks decide, for the user the REST authentication set. */
    private boolean readable(String taskId) {
        ProcessEngine checking = engine.get();
        return checking.getTaskService().createTaskQuery().taskId(taskId).count() > 0
                || checking.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    }
}
