package org.cultivate.identity;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security signed in, and their groups, to the engine for the rest of the
 * request, so the engine's authorization checks apply to them. Without an authentication the
 * engine checks nothing: that is why every door into the engine passes here. The engine is the
 * one the REST API will use (looked up by name, as Camunda's REST does), so the user is set where
 * the request's queries run.
 */
class CamundaAuthenticationBridge extends OncePerRequestFilter {

    private final Supplier<ProcessEngine> engine;
    private final RequestMatcher doors;

    CamundaAuthenticationBridge(Supplier<ProcessEngine> engine, RequestMatcher doors) {
        this.engine = engine;
        this.doors = doors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !doors.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var signedIn = StaffCredentials.signedIn();
        if (signedIn.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        IdentityService identityService = engine.get().getIdentityService();
        identityService.setAuthentication(signedIn.get().getName(), StaffCredentials.groupsOf(signedIn.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
