package org.cultivate.grant;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.mockito.Mockito;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comment door counts every attempt of a client, before it looks for the application: a flood is refused whatever it names. */
class CommentLimitTest {

    @Test
    void aClientOverTheHourlyLimitIsRefusedWith429BeforeAnythingIsLookedUp() throws Exception {
        RuntimeService runtime = Mockito.mock(RuntimeService.class, Answers.RETURNS_DEEP_STUBS);
        var controller = new GrantCommentsController(runtime, Mockito.mock(ManagementService.class), Mockito.mock(GrantComments.class),
                new CommentLimit().communityComments(Clock.systemUTC(), 2));
        var body = new ObjectMapper().readTree("{\"comment\": \"Spam\"}");
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> controller.comment("RG-NOSUCH00", body, request)).as("not open: 404")
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND));
        }
        assertThatThrownBy(() -> controller.comment("RG-NOSUCH00", body, request))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(Long.parseLong(problem.headers().getFirst("Retry-After"))).isBetween(1L, Duration.ofHours(1).toSeconds());
                });
        request.setRemoteAddr("203.0.113.8");
        assertThatThrownBy(() -> controller.comment("RG-NOSUCH00", body, request)).as("another client has its own budget")
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
