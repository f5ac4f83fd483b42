package org.cultivate.grant;

import java.time.Clock;
import java.time.Duration;

import org.cultivate.system.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Community comments per client and hour ({@code cultivate.grants.comments-per-hour}): a script cannot flood a review. */
@Configuration
class CommentLimit {

    @Bean
    RateLimiter communityComments(Clock clock, @Value("${cultivate.grants.comments-per-hour}") int perHour) {
        return new RateLimiter(clock, perHour, Duration.ofHours(1));
    }
}
