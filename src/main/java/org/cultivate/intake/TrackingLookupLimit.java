package org.cultivate.intake;

import java.time.Clock;
import java.time.Duration;

import org.cultivate.system.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tracking-code lookups per client and minute ({@code cultivate.tracking.lookups-per-minute}). */
@Configuration
class TrackingLookupLimit {

    @Bean
    RateLimiter trackingLookups(Clock clock, @Value("${cultivate.tracking.lookups-per-minute}") int perMinute) {
        return new RateLimiter(clock, perMinute, Duration.ofMinutes(1));
    }
}
