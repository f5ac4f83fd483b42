package org.cultivate.intake;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits tracking-code lookups per client and minute (fixed windows), so that codes cannot be
 * guessed by brute force and the tracking page cannot be used to load the server.
 */
@Component
class LookupRateLimiter {

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    LookupRateLimiter(Clock clock, @Value("${cultivate.tracking.lookups-per-minute}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    private record Window(long minute, int count) {
    }

    /** @return seconds until the client may look up again, or 0 if this lookup is allowed. */
    long acquire(String client) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.merge(client, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        return window.count() <= perMinute ? 0 : Math.max(1, 60 - (now / 1000) % 60);
    }

    /** Forgets the clients of past minutes. */
    @Scheduled(fixedDelay = 60_000)
    void forgetPastWindows() {
        long minute = clock.millis() / 60_000;
        windows.values().removeIf(window -> window.minute() < minute);
    }
}
