package org.cultivate.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine answers a read of a case the caller may not see with 403 and "no READ permission on
 * resource X", which tells a recused member that X exists. This turns such answers into the 404
 * a missing resource gets, so a case is not there at all for those who may not see it.
 */
class HideForbiddenReads extends OncePerRequestFilter {

    private final RequestMatcher engineApi;

    HideForbiddenReads(RequestMatcher engineApi) {
        this.engineApi = engineApi;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !engineApi.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() == HttpServletResponse.SC_FORBIDDEN && !response.isCommitted()) {
            buffered.resetBuffer();
            buffered.setStatus(HttpServletResponse.SC_NOT_FOUND);
            buffered.setContentType(MediaType.APPLICATION_JSON_VALUE);
            buffered.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"Not found\"}");
            buffered.getWriter().flush();
        }
        buffered.copyBodyToResponse();
    }
}
