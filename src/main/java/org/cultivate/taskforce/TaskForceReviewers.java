package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cultivate.taskforce.ReviewerAssignment.Assignment;
import org.cultivate.taskforce.TaskForceCalls.Application;
import org.springframework.stereotype.Service;

/**
 * Who may review which application: the members of the selection committee cleared for it (they
 * declared no conflict on it), never the applicant themself; and the assignment by load over them.
 */
@Service
class TaskForceReviewers {

    private final IdentityService identityService;
    private final TaskForceSettings settings;

    TaskForceReviewers(IdentityService identityService, TaskForceSettings settings) {
        this.identityService = identityService;
        this.settings = settings;
    }

    Assignment assign(List<Application> applications, int k) {
        List<User> committee = committee();
        var reviewers = committee.stream()
                .map(member -> new ReviewerAssignment.Reviewer(member.getId(), Set.copyOf(settings.languagesOf(member.getId())))).toList();
        var items = applications.stream().map(application -> new ReviewerAssignment.Application(application.reference(),
                Set.copyOf(application.languages()), excluded(application, committee))).toList();
        return ReviewerAssignment.assign(items, reviewers, k);
    }

    /** The cleared members who may review the application, in the committee's order. */
    List<String> eligible(Application application) {
        List<User> committee = committee();
        Set<String> excluded = excluded(application, committee);
        return committee.stream().map(User::getId).filter(member -> !excluded.contains(member)).toList();
    }

    private Set<String> excluded(Application application, List<User> committee) {
        var excluded = new HashSet<String>();
        for (User member : committee) {
            boolean applicant = member.getEmail() != null && application.email() != null
                    && member.getEmail().toLowerCase(Locale.ROOT).equals(application.email().toLowerCase(Locale.ROOT));
            if (applicant || !application.clearedMembers().contains(member.getId())) {
                excluded.add(member.getId());
            }
        }
        return excluded;
    }

    private List<User> committee() {
        return new ArrayList<>(identityService.createUserQuery().memberOfGroup(TaskForceProcess.COMMITTEE).orderByUserId().asc().list());
    }

    static Map<String, Object> reviewersMessage(List<String> reviewers, int wanted) {
        return Map.of(TaskForceProcess.REVIEWERS, new ArrayList<>(reviewers), TaskForceProcess.REVIEWERS_PER_APPLICATION, wanted);
    }
}
