package org.cultivate.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class Clocks {

    /** One clock for Cultivate's own time stamps, so that tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
