package org.cultivate.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Conflicts of interest, one mechanism for every process. Every member of the case's group either
 * declares none and is cleared for the case, or is recused: by declaring a conflict (nobody asks
 * why), or automatically when the case names them (by user id or e-mail address) or comes from an
 * organisation they belong to (their stated {@link Affiliations}). A recused
 * member loses the case everywhere (tasks, variables, history) through the engine's
 * authorizations; the case's log ({@value #RECUSALS}) records who was recused, how and when.
 *
 * <p>In BPMN, a process says so with two extension properties, and calls the declaration once per
 * member before its committee works the case:
 * <pre>{@code
 * <camunda:property name="cultivate.conflicts.group" value="conduct-committee" />
 * <camunda:property name="cultivate.conflicts.namedIn" value="peopleInvolved" />   (variables, comma-separated)
 * <camunda:property name="cultivate.conflicts.affiliationIn" value="organisation" />   (optional: the applicant's organisation)
 * <camunda:property name="cultivate.conflicts.clearedRead" value="false" />   (optional: cleared members work, but do not read, the case)
 *
 * <bpmn:callActivity calledElement="conflict-declaration" camunda:calledElementBinding="deployment">
 *   <camunda:in source="member" target="member" />
 *   <camunda:in source="codeName" target="caseLabel" />            (what the member is shown: nothing of the case)
 *   <camunda:in sourceExpression="${execution.processInstanceId}" target="caseId" />
 *   <bpmn:multiInstanceLoopCharacteristics camunda:collection="${committeeMembers}" camunda:elementVariable="member" />
 * </bpmn:callActivity>
 * }</pre>
 * and gives its tasks to {@code camunda:candidateUsers="${clearedMembers}"}. A case of such a process
 * is opened ({@link ConflictsOfInterestPlugin}) as it starts, so the recusals precede every task.
 * Where one case holds several items (the applications of a task-force call), each item is a case
 * of its own process with these properties, so a member conflicted on one item loses that one only.
 */
@Service("conflictsOfInterest")
public class ConflictsOfInterest {

    public static final String GROUP_PROPERTY = "cultivate.conflicts.group";
    public static final String NAMED_IN_PROPERTY = "cultivate.conflicts.namedIn";
    public static final String AFFILIATION_IN_PROPERTY = "cultivate.conflicts.affiliationIn";
    /**
     * {@code false}: declaring no conflict clears a member for the case's tasks without letting them
     * read the case itself, for a process whose members must not see who the case is about (an
     * anonymised review of a task-force application happens in a called process with the answers only).
     */
    public static final String CLEARED_READ_PROPERTY = "cultivate.conflicts.clearedRead";
    /** The declaration each member makes alone: {@code processes/conflict-declaration.bpmn}. */
    public static final String DECLARATION_PROCESS_KEY = "conflict-declaration";

    // variables of the case
    /** Members asked to declare: the group without those the case names. */
    public static final String COMMITTEE_MEMBERS = "committeeMembers";
    /** Members who declared no conflict: the candidates of the case's tasks. */
    public static final String CLEARED_MEMBERS = "clearedMembers";
    public static final String RECUSED_MEMBERS = "recusedMembers";
    /** The case log of recusals: member, how ({@value #DECLARED} or {@value #NAMED_IN_CASE}), when, optional note. */
    public static final String RECUSALS = "recusals";
    /** Set, to false, on a case whose cleared members work it without reading it ({@value #CLEARED_READ_PROPERTY}). */
    public static final String CLEARED_READ = "clearedMembersRead";

    // variables of a declaration
    public static final String CASE_ID = "caseId";
    public static final String CASE_LABEL = "caseLabel";
    public static final String MEMBER = "member";
    public static final String HAS_CONFLICT = "hasConflict";
    public static final String CONFLICT_NOTE = "conflictNote";

    static final String NAMED_IN_CASE = "named-in-report";
    static final String SAME_ORGANISATION = "same-organisation";
    static final String DECLARED = "declared";
    private static final Logger log = LoggerFactory.getLogger(ConflictsOfInterest.class);

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseAuthorizations authorizations;
    private final Affiliations affiliations;
    private final Clock clock;

    public ConflictsOfInterest(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            CaseAuthorizations authorizations, Affiliations affiliations, Clock clock) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.affiliations = affiliations;
        this.clock = clock;
    }

    /**
     * A new case: the group's members, without those that the variables {@code namedIn} name and
     * those belonging to an organisation that the variables {@code affiliationIn} hold; those are
     * recused at once.
     */
    public void openCase(DelegateExecution execution, String group, List<String> namedIn, List<String> affiliationIn,
            boolean clearedRead) {
        String caseText = namedIn.stream().map(execution::getVariable).filter(Objects::nonNull)
                .map(Object::toString).reduce("", (all, text) -> all + "\n" + text);
        Set<String> organisations = affiliationIn.stream().map(execution::getVariable).filter(value -> value instanceof String text
                && !text.isBlank()).map(value -> Affiliations.key((String) value)).collect(Collectors.toSet());
        var members = new ArrayList<String>();
        var recused = new ArrayList<String>();
        var recusals = new ArrayList<Map<String, String>>();
        for (User member : identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
            String how = isNamedIn(caseText, member) ? NAMED_IN_CASE
                    : !organisations.isEmpty() && affiliations.keysOf(member.getId()).stream().anyMatch(organisations::contains)
                    ? SAME_ORGANISATION : null;
            if (how != null) {
                authorizations.revokeCase(execution.getProcessInstanceId(), member.getId());
                recused.add(member.getId());
                recusals.add(entry(member.getId(), how, null));
            } else {
                members.add(member.getId());
            }
        }
        execution.setVariable(COMMITTEE_MEMBERS, members);
        execution.setVariable(CLEARED_MEMBERS, new ArrayList<String>());
        execution.setVariable(RECUSED_MEMBERS, recused);
        execution.setVariable(RECUSALS, recusals);
        if (!clearedRead) {
            execution.setVariable(CLEARED_READ, false);
        }
        if (!recused.isEmpty()) {
            log.info("Case {}: {} member(s) recused because the case names them or their organisation", execution.getProcessInstanceId(),
                    recused.size());
        }
    }

    /** A member's answer to the conflict declaration of a case. */
    public void declare(String caseId, String member, boolean hasConflict, String note) {
        if (hasConflict) {
            authorizations.revokeCase(caseId, member);
            update(caseId, RECUSED_MEMBERS, member);
            List<Map<String, String>> recusals = list(caseId, RECUSALS);
            recusals.add(entry(member, DECLARED, note));
            runtimeService.setVariable(caseId, RECUSALS, recusals);
            log.info("Case {}: a member declared a conflict and is recused", caseId);
        } else {
            if (!Boolean.FALSE.equals(runtimeService.getVariable(caseId, CLEARED_READ))) {
                authorizations.grantReading(caseId, member);
            }
            update(caseId, CLEARED_MEMBERS, member);
            // open tasks of the case offered to the cleared members now include the member; never a
            // holder task (the applicant's), nor one the BPMN gives to somebody else
            for (var task : taskService.createTaskQuery().processInstanceId(caseId).list()) {
                if (task.getAssignee() == null && offeredToClearedMembers(task)) {
                    taskService.addCandidateUser(task.getId(), member);
                }
            }
        }
    }

    /** Whether the task's BPMN says {@code camunda:candidateUsers="${clearedMembers}"}. */
    private static boolean offeredToClearedMembers(Task task) {
        return task instanceof TaskEntity entity && entity.getTaskDefinition() != null
                && entity.getTaskDefinition().getCandidateUserIdExpressions().stream()
                        .anyMatch(candidates -> candidates.getExpressionText().contains(CLEARED_MEMBERS));
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

    /** Whether the text names the member by user id or e-mail address, as a whole word. */
    static boolean isNamedIn(String text, User member) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return mentions(lower, member.getId()) || mentions(lower, member.getEmail());
    }

    private static boolean mentions(String text, String word) {
        if (word == null || word.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}._@-])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}_@-])")
                .matcher(text).find();
    }
}
