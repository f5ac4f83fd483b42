package org.cultivate.conduct;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.cultivate.identity.CaseAuthorizations;
import org.cultivate.identity.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import static org.cultivate.conduct.ConductIncidentProcess.CLEARED_MEMBERS;
import static org.cultivate.conduct.ConductIncidentProcess.COMMITTEE_MEMBERS;
import static org.cultivate.conduct.ConductIncidentProcess.RECUSALS;
import static org.cultivate.conduct.ConductIncidentProcess.RECUSED_MEMBERS;

/**
 * Conflicts of interest. Every member of the conduct committee either declares none and is
 * cleared for the case, or is recused: by declaring a conflict (nobody asks why), or
 * automatically when the report names them. A recused member loses the case everywhere
 * (tasks, variables, history) through the engine's authorizations; the case's log records
 * who was recused, how and when.
 */
@Service
class Recusals {

    static final String NAMED_IN_REPORT = "named-in-report";
    static final String DECLARED = "declared";
    private static final Logger log = LoggerFactory.getLogger(Recusals.class);

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseAuthorizations authorizations;
    private final Clock clock;

    Recusals(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            CaseAuthorizations authorizations, Clock clock) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    /** The committee of a new case, without the members its report names; those are recused at once. */
    List<String> openCase(String caseId, String peopleInvolved) {
        var members = new ArrayList<String>();
        var recused = new ArrayList<String>();
        var recusals = new ArrayList<Map<String, String>>();
        for (User member : identityService.createUserQuery().memberOfGroup(Groups.CONDUCT_COMMITTEE).orderByUserId().asc().list()) {
            if (isNamedIn(peopleInvolved, member)) {
                authorizations.revokeCase(caseId, member.getId());
                recused.add(member.getId());
                recusals.add(entry(member.getId(), NAMED_IN_REPORT, null));
            } else {
                members.add(member.getId());
            }
        }
        runtimeService.setVariable(caseId, COMMITTEE_MEMBERS, members);
        runtimeService.setVariable(caseId, CLEARED_MEMBERS, new ArrayList<String>());
        runtimeService.setVariable(caseId, RECUSED_MEMBERS, recused);
        runtimeService.setVariable(caseId, RECUSALS, recusals);
        if (!recused.isEmpty()) {
            log.info("Case {}: {} member(s) recused because the report names them", caseId, recused.size());
        }
        return members;
    }

    /** A member's answer to the conflict declaration of a case. */
    void declare(String caseId, String member, boolean hasConflict, String note) {
        if (hasConflict) {
            authorizations.revokeCase(caseId, member);
            update(caseId, RECUSED_MEMBERS, member);
            List<Map<String, String>> recusals = list(caseId, RECUSALS);
            recusals.add(entry(member, DECLARED, note));
            runtimeService.setVariable(caseId, RECUSALS, recusals);
            log.info("Case {}: a member declared a conflict and is recused", caseId);
        } else {
            authorizations.grantReading(caseId, member);
            update(caseId, CLEARED_MEMBERS, member);
            // open committee tasks of the case now include the member
            for (var task : taskService.createTaskQuery().processInstanceId(caseId).list()) {
                if (task.getAssignee() == null) {
                    taskService.addCandidateUser(task.getId(), member);
                }
            }
        }
    }

    private void update(String caseId, String variable, String member) {
        List<String> members = list(caseId, variable);
        if (!members.contains(member)) {
            members.add(member);
        }
        runtimeService.setVariable(caseId, variable, members);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(String caseId, String variable) {
        Object value = runtimeService.getVariable(caseId, variable);
        return value == null ? new ArrayList<>() : new ArrayList<>((List<T>) value);
    }

    private Map<String, String> entry(String member, String how, String note) {
        var entry = new LinkedHashMap<String, String>();
        entry.put("member", member);
        entry.put("how", how);
        entry.put("at", clock.instant().toString());
        if (note != null && !note.isBlank()) {
            entry.put("note", note);
        }
        return entry;
    }

    /** Whether the report's "who was involved" names the member by user id or e-mail address, as a whole word. */
    static boolean isNamedIn(String peopleInvolved, User member) {
        if (peopleInvolved == null || peopleInvolved.isBlank()) {
            return false;
        }
        String text = peopleInvolved.toLowerCase(Locale.ROOT);
        return mentions(text, member.getId()) || mentions(text, member.getEmail());
    }

    private static boolean mentions(String text, String word) {
        if (word == null || word.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}._@-])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}_@-])")
                .matcher(text).find();
    }
}
