package org.cultivate.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall, asked once more just ahead of Spring Security. The first filter of
 * its chain ({@code ServletRequestPathFilter}) parses the path before the firewall looks at it,
 * and a path that is not normalised ({@code /api/forms/../../engine-rest/task}, {@code %2e%2e})
 * made that parsing throw: a 500 with Spring Boot's default error body instead of the firewall's 400.
 */
final class FirewallFirst extends OncePerRequestFilter {

    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejectedHandler;

    FirewallFirst(HttpFirewall firewall, RequestRejectedHandler rejectedHandler) {
        this.firewall = firewall;
        this.rejectedHandler = rejectedHandler;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            rejectedHandler.handle(request, response, rejected);
            return;
        }
        chain.doFilter(request, response);
    }
}
