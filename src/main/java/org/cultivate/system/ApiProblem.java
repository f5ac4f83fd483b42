package org.cultivate.system;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error that an {@code /api} endpoint answers with, as {@code application/problem+json}.
 * Features throw it (or a subclass); {@link ApiProblemHandler} turns it into the response.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Headers the response carries besides the problem, such as {@code Retry-After}. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    /**
     * One bad field of a submission: its key in the form, what is wrong in words a person
     * understands, and the same as a machine-readable {@code rule} (such as {@code minLength}) with
     * its {@code limit} where it has one, so that a client can say it in the reader's language.
     */
    public record FieldError(String field, String message, String rule, Object limit) {
    }
}
