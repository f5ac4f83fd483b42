package org.cultivate.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:10Z"));
    private final RateLimiter limiter = new RateLimiter(clock, 3, Duration.ofMinutes(1));

    @Test
    void allowsTheLimitPerClientAndMinuteThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1")).isZero();
        }
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(50);
        assertThat(limiter.acquire("10.0.0.2")).as("another client has its own budget").isZero();

        clock.advance(Duration.ofSeconds(50));
        assertThat(limiter.acquire("10.0.0.1")).as("a new minute").isZero();
    }

    @Test
    void anHourlyLimitCountsTheHourAndRefusesWithAProblemThatSaysWhenToComeBack() {
        RateLimiter hourly = new RateLimiter(clock, 2, Duration.ofHours(1));
        hourly.acquireOrRefuse("10.0.0.1", "comments");
        hourly.acquireOrRefuse("10.0.0.1", "comments");
        assertThatThrownBy(() -> hourly.acquireOrRefuse("10.0.0.1", "comments")).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS);
            assertThat(problem.headers().getFirst("Retry-After")).isEqualTo(Long.toString(60 * 60 - 10));
            assertThat(problem.title()).isEqualTo("Too many comments");
        });
        clock.advance(Duration.ofMinutes(59).plusSeconds(50));
        assertThat(hourly.acquire("10.0.0.1")).as("the next hour").isZero();
        assertThatThrownBy(() -> new RateLimiter(clock, 0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgetsClientsOfPastMinutes() {
        limiter.acquire("10.0.0.1");
        clock.advance(Duration.ofMinutes(2));
        limiter.forgetPastWindows();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1")).isZero();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
