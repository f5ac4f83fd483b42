package org.cultivate.intake;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.cultivate.intake.CaseTrackingRepository.TrackedCase;
import org.cultivate.intake.CaseTrackingRepository.Update;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tracking/{code}}: what the holder of a tracking code may know of their case, and their replies. */
@RestController
@RequestMapping("/api/tracking")
class TrackingController {

    private final CaseTrackingRepository repository;
    private final LookupRateLimiter rateLimiter;
    private final CaseReplies replies;

    TrackingController(CaseTrackingRepository repository, LookupRateLimiter rateLimiter, CaseReplies replies) {
        this.repository = repository;
        this.rateLimiter = rateLimiter;
        this.replies = replies;
    }

    record CaseStatus(String processKey, String reference, String holder, String status, List<Update> updates) {
    }

    /** A reply of the code's holder to a question the process asked them. */
    record Reply(String text) {
    }

    @GetMapping("/{code}")
    ResponseEntity<CaseStatus> track(@PathVariable String code, HttpServletRequest request) {
        TrackedCase tracked = lookUp(code, request);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new CaseStatus(tracked.processKey(), tracked.reference(), tracked.holder(), tracked.status(),
                        repository.updates(tracked.reference(), tracked.holder())));
    }

    /**
     * {@code POST /api/tracking/{code}/replies}: the holder answers the question the process is
     * waiting on (message {@value CaseReplies#REPLY_MESSAGE}). 409 when the case is not waiting for one.
     */
    @PostMapping("/{code}/replies")
    ResponseEntity<Void> reply(@PathVariable String code, @RequestBody Reply reply, HttpServletRequest request) {
        TrackedCase tracked = lookUp(code, request);
        replies.deliver(tracked, CaseReplies.REPLY_MESSAGE, reply == null ? null : reply.text());
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code POST /api/tracking/{code}/appeals}: the holder appeals the decision while the case
     * allows it (message {@value CaseReplies#APPEAL_MESSAGE}). 409 when no appeal is open.
     */
    @PostMapping("/{code}/appeals")
    ResponseEntity<Void> appeal(@PathVariable String code, @RequestBody Reply reason, HttpServletRequest request) {
        TrackedCase tracked = lookUp(code, request);
        replies.deliver(tracked, CaseReplies.APPEAL_MESSAGE, reason == null ? null : reason.text());
        return ResponseEntity.noContent().build();
    }

    private TrackedCase lookUp(String code, HttpServletRequest request) {
        long retryAfter = rateLimiter.acquire(request.getRemoteAddr());
        if (retryAfter > 0) {
            throw new TooManyLookups(retryAfter);
        }
        // The code itself is never compared: it is hashed, and the hash is the key of the lookup,
        // so response times say nothing about how close a guess came.
        var found = TrackingCodes.looksLikeCode(code)
                ? repository.findByCodeHash(TrackingCodes.hash(code))
                : Optional.<TrackedCase>empty();
        return found.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Unknown tracking code",
                "No case has this tracking code. Check that it was copied whole."));
    }

    static final class TooManyLookups extends ApiProblem {
        private final long retryAfterSeconds;

        TooManyLookups(long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "Too many lookups",
                    "Too many tracking lookups from your address. Try again in " + retryAfterSeconds + " seconds.");
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
