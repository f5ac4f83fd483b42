package org.cultivate.intake;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.cultivate.intake.CaseTrackingRepository.TrackedCase;
import org.cultivate.intake.CaseTrackingRepository.Update;
import org.cultivate.intake.HolderTasks.HolderTask;
import org.cultivate.intake.HolderTasks.HolderTaskForm;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.RateLimiter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tracking/{code}}: what the holder of a tracking code may know of their case, and the tasks it has for them. */
@RestController
@RequestMapping("/api/tracking")
class TrackingController {

    private final CaseTrackingRepository repository;
    private final RateLimiter rateLimiter;
    private final HolderTasks holderTasks;

    TrackingController(CaseTrackingRepository repository, @Qualifier("trackingLookups") RateLimiter rateLimiter, HolderTasks holderTasks) {
        this.repository = repository;
        this.rateLimiter = rateLimiter;
        this.holderTasks = holderTasks;
    }

    record CaseStatus(String processKey, String reference, String holder, String status, List<Update> updates,
            List<HolderTask> tasks) {
    }

    @GetMapping("/{code}")
    ResponseEntity<CaseStatus> track(@PathVariable String code, HttpServletRequest request) {
        TrackedCase tracked = lookUp(code, request);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new CaseStatus(tracked.processKey(), tracked.reference(), tracked.holder(), tracked.status(),
                        repository.updates(tracked.reference(), tracked.holder()), holderTasks.waitingFor(tracked)));
    }

    /**
     * {@code GET /api/tracking/{code}/tasks/{taskId}}: a task waiting for the holder, with its deployed
     * form, the values it shows and the form's texts in the first language of {@code Accept-Language}.
     */
    @GetMapping("/{code}/tasks/{taskId}")
    ResponseEntity<HolderTaskForm> task(@PathVariable String code, @PathVariable String taskId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletRequest request) {
        TrackedCase tracked = lookUp(code, request);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(holderTasks.form(tracked, taskId, CaseLanguage.fromAcceptLanguage(acceptLanguage)));
    }

    /**
     * {@code POST /api/tracking/{code}/tasks/{taskId}}: the holder submits the task's form. 204;
     * 400 with one entry per bad field; 404 for a task that is not theirs or no longer waiting.
     */
    @PostMapping("/{code}/tasks/{taskId}")
    ResponseEntity<Void> completeTask(@PathVariable String code, @PathVariable String taskId, @RequestBody JsonNode values,
            HttpServletRequest request) {
        TrackedCase tracked = lookUp(code, request);
        holderTasks.complete(tracked, taskId, values);
        return ResponseEntity.noContent().build();
    }

    private TrackedCase lookUp(String code, HttpServletRequest request) {
        rateLimiter.acquireOrRefuse(request.getRemoteAddr(), "tracking lookups");
        // The code itself is never compared: it is hashed, and the hash is the key of the lookup,
        // so response times say nothing about how close a guess came.
        var found = TrackingCodes.looksLikeCode(code)
                ? repository.findByCodeHash(TrackingCodes.hash(code))
                : Optional.<TrackedCase>empty();
        return found.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Unknown tracking code",
                "No case has this tracking code. Check that it was copied whole."));
    }
}
