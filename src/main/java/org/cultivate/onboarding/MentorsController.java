package org.cultivate.onboarding;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cultivate.identity.Groups;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR_REASSIGNED;
import static org.cultivate.onboarding.LeaderOnboardingProcess.PREVIOUS_MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.PROCESS_KEY;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_CHECK_IN;
import static org.cultivate.onboarding.LeaderOnboardingProcess.TASK_MENTOR_CHECK_IN;

/**
 * The coordinators' hand on matching (the path rule of identity/SecurityConfiguration):
 * {@code POST /api/onboarding/cases/{reference}/mentor} gives a running onboarding to another
 * mentor — its open tasks move, and the process tells both mentors; {@code GET
 * /api/onboarding/mentors} is each mentor's load; {@code PUT
 * /api/onboarding/mentors/{userId}/availability} marks a mentor unavailable until a date (null: available), and
 * {@code PUT /api/mentors/me/availability} lets a mentor do it for themself.
 */
@RestController
class MentorsController {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final MentorMatching matching;

    MentorsController(RuntimeService runtimeService, TaskService taskService, IdentityService identityService, MentorMatching matching) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.matching = matching;
    }

    record Reassignment(String mentor) {
    }

    record Availability(LocalDate unavailableUntil) {
    }

    /** A mentor's load as the coordinators see it: running onboardings, the cap, availability, check-ins past due. */
    record MentorLoad(String userId, String name, long activeMentees, int cap, LocalDate unavailableUntil, long checkInsLate) {
    }

    @GetMapping("/api/onboarding/mentors")
    ResponseEntity<List<MentorLoad>> mentors() {
        Date now = new Date();
        List<MentorLoad> loads = identityService.createUserQuery().memberOfGroup(Groups.MENTORS).orderByUserId().asc().list().stream()
                .map(mentor -> new MentorLoad(mentor.getId(), (mentor.getFirstName() + " " + mentor.getLastName()).trim(),
                        matching.activeMentees(mentor.getId()), matching.cap(), matching.state(mentor.getId()).unavailableUntil(),
                        lateCheckIns(mentor.getId(), now)))
                .toList();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(loads);
    }

    /** Check-ins of this mentor's running onboardings, the leader's or the mentor's own, past their due date. */
    private long lateCheckIns(String mentor, Date now) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).variableValueEquals(MENTOR, mentor).list()
                .stream().mapToLong(onboarding -> taskService.createTaskQuery().processInstanceId(onboarding.getId())
                        .taskDefinitionKeyIn(TASK_CHECK_IN, TASK_MENTOR_CHECK_IN).dueBefore(now).count())
                .sum();
    }

    @PostMapping("/api/onboarding/cases/{reference}/mentor")
    @Transactional
    ResponseEntity<Void> reassign(@PathVariable String reference, @RequestBody Reassignment reassignment) {
        ProcessInstance onboarding = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
        if (onboarding == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such onboarding", "No running onboarding has the reference " + reference + ".");
        }
        String mentor = reassignment.mentor();
        if (mentor == null || identityService.createUserQuery().userId(mentor).memberOfGroup(Groups.MENTORS).count() == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid reassignment", "Name a member of the mentors group.",
                    List.of(new FieldError("mentor", "Name a member of the mentors group.", "options", null)));
        }
        String previous = (String) runtimeService.getVariable(onboarding.getId(), MENTOR);
        if (previous == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "No mentor yet", "This onboarding has no mentor yet: it is matched once it is vouched for.");
        }
        if (previous.equals(mentor)) {
            return ResponseEntity.noContent().build();
        }
        taskService.createTaskQuery().processInstanceId(onboarding.getId()).taskAssignee(previous).list()
                .forEach(task -> taskService.setAssignee(task.getId(), mentor));
        runtimeService.createMessageCorrelation(MENTOR_REASSIGNED).processInstanceId(onboarding.getId())
                .setVariable(PREVIOUS_MENTOR, previous).setVariable(MENTOR, mentor).correlate();
        matching.assigned(mentor);
        return ResponseEntity.noContent().build();
    }

    /** A mentor marks themself unavailable until a date (a break, a busy month), or available again with null. */
    @PutMapping("/api/mentors/me/availability")
    ResponseEntity<Void> ownAvailability(Principal mentor, @RequestBody Availability availability) {
        return availability(mentor.getName(), availability);
    }

    @PutMapping("/api/onboarding/mentors/{userId}/availability")
    ResponseEntity<Void> availability(@PathVariable String userId, @RequestBody Availability availability) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.MENTORS).count() == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such mentor", "There is no mentor " + userId + ".");
        }
        matching.markUnavailable(userId, availability.unavailableUntil());
        return ResponseEntity.noContent().build();
    }
}
