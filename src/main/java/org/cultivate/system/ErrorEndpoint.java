package org.cultivate.system;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error dispatch ({@code /error}) answers, in place of Spring Boot's
 * {@code {"timestamp", "error", …}} body and white-label page: an error that no controller of
 * Cultivate's turned into a problem (a filter or another servlet that throws, a status sent
 * without a body) leaves as {@code application/problem+json} too. It names the status only; the
 * exception is logged where it was thrown.
 */
@RestController
class ErrorEndpoint implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        // called directly, without an error to tell, /error is just an address with nothing behind it
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? statusOf(code) : HttpStatus.NOT_FOUND;
        // the type is set, not negotiated: an error answer must not fail on an Accept header it cannot meet
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
    }

    /** The problem for an error that carries no more than its status. */
    static Map<String, Object> problem(HttpStatus status) {
        return Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.value(), "detail", detail(status));
    }

    static HttpStatus statusOf(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detail(HttpStatus status) {
        if (status.is5xxServerError()) {
            return "Something went wrong on our side. Nothing you sent was wrong; please try again later.";
        }
        return switch (status) {
            case BAD_REQUEST -> "This request is not valid: its address, a header or its body is malformed.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
