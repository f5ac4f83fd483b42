package org.cultivate.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * At most {@code limit} requests per client and window (fixed windows), for the public doors that
 * need no account: tracking-code lookups, so that codes cannot be guessed by brute force, and
 * community comments, so that a script cannot flood a committee's review. Each door has a bean of
 * its own.
 */
public class RateLimiter {

    private final Clock clock;
    private final int limit;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int limit, Duration window) {
        if (limit < 1 || window.toMillis() < 1000) {
            throw new IllegalArgumentException("A rate limit needs at least one request per window of at least a second");
        }
        this.clock = clock;
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    private record Window(long number, int count) {
    }

    /** @return seconds until the client may ask again, or 0 if this request is allowed. */
    public long acquire(String client) {
        long now = clock.millis();
        long number = now / windowMillis;
        Window window = windows.merge(client, new Window(number, 1),
                (old, fresh) -> old.number() == number ? new Window(number, old.count() + 1) : fresh);
        return window.count() <= limit ? 0 : Math.max(1, ((number + 1) * windowMillis - now + 999) / 1000);
    }

    /** Allows the request, or refuses it with 429 and {@code Retry-After}; {@code what} names it for the client ("tracking lookups"). */
    public void acquireOrRefuse(String client, String what) {
        long retryAfter = acquire(client);
        if (retryAfter > 0) {
            throw new TooManyRequests(what, retryAfter);
        }
    }

    /** Forgets the clients of past windows. */
    @Scheduled(fixedDelay = 60_000)
    public void forgetPastWindows() {
        long number = clock.millis() / windowMillis;
        windows.values().removeIf(window -> window.number() < number);
    }

    static final class TooManyRequests extends ApiProblem {
        private final long retryAfterSeconds;

        TooManyRequests(String what, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "Too many " + what,
                    "Too many " + what + " from your address. Try again in " + retryAfterSeconds + " seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            return headers;
        }
    }
}
