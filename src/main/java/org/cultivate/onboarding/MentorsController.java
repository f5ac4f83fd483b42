package org.cultivate.onboarding;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cultivate.identity.Groups;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR_REASSIGNED;
import static org.cultivate.onboarding.LeaderOnboardingProcess.PREVIOUS_MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.PROCESS_KEY;

/**
 * The coordinators' hand on matching (the path rule of identity/SecurityConfiguration):
 * {@code POST /api/onboarding/cases/{reference}/mentor} gives a running onboarding to another
 * mentor — its open tasks move, and the process tells both mentors; {@code PUT
 * /api/onboarding/mentors/{userId}/availability} marks a mentor unavailable until a date (null: available).
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

    @PutMapping("/api/onboarding/mentors/{userId}/availability")
    ResponseEntity<Void> availability(@PathVariable String userId, @RequestBody Availability availability) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.MENTORS).count() == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "No such mentor", "There is no mentor " + userId + ".");
        }
        matching.markUnavailable(userId, availability.unavailableUntil());
        return ResponseEntity.noContent().build();
    }
}
