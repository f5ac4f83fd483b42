package org.cultivate.intake;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest}'s {@code start} answers every engine error with 500, a refused form
 * included (its {@code submit-form} and the task doors answer 400 already). This mapper gives a
 * start that {@link FormDoors} refused the same 400, in Camunda's own error shape, and leaves
 * every other error to Camunda's handler.
 */
@Component
class RefusedStartOverRest implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(RefusedFormMapper.class);
    }

    @Priority(Priorities.USER - 1)
    static class RefusedFormMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            if (!(exception.getCause() instanceof InvalidFormSubmission refused)) {
                return camunda.toResponse(exception);
            }
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ExceptionDto.fromException(refused)).build();
        }
    }
}
