package org.cultivate.identity;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for API callers as {@code application/problem+json}, like every other API error. */
final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AuthenticationEntryPoint unauthorized(String challenge) {
        return (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            write(response, HttpStatus.UNAUTHORIZED, "Not signed in",
                    "Sign in first: a user name and password, or a token from the sign-in service.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> write(response, HttpStatus.FORBIDDEN, "Not allowed",
                "Your groups do not allow this.");
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(),
                Map.of("type", "about:blank", "title", title, "status", status.value(), "detail", detail));
    }

    private ProblemResponses() {
    }
}
