package org.cultivate.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LookupRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:10Z"));
    private final LookupRateLimiter limiter = new LookupRateLimiter(clock, 3);

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
