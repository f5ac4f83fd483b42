package org.cultivate.onboarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.cultivate.identity.Groups;
import org.cultivate.onboarding.LeaderRegister.Leader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import static org.cultivate.onboarding.LeaderOnboardingProcess.MATCHING_DECISION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.PROCESS_KEY;
import static org.cultivate.onboarding.LeaderOnboardingProcess.RANK;
import static org.cultivate.onboarding.LeaderOnboardingProcess.SAME_REGION;
import static org.cultivate.onboarding.LeaderOnboardingProcess.SHARED_LANGUAGE;

/**
 * Mentor matching by load: every member of {@code mentors} who is available today and has fewer
 * active mentees (running onboarding cases naming them as mentor) than the cap, ranked by the
 * coordinators' table {@code processes/mentor-matching.dmn}; among equal ranks the fewest mentees
 * win, then the mentor assigned longest ago (never assigned counts as longest).
 */
@Service
class MentorMatching {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final DecisionService decisionService;
    private final LeaderRegister register;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int cap;

    MentorMatching(IdentityService identityService, RuntimeService runtimeService, DecisionService decisionService,
            LeaderRegister register, JdbcTemplate jdbc, Clock clock, @Value("${cultivate.onboarding.mentor-cap:3}") int cap) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.decisionService = decisionService;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cap = cap;
    }

    /** A mentor as matching sees them. */
    record Candidate(String userId, long activeMentees, int rank, Instant lastAssignedAt) {
    }

    /** The mentor for an applicant of this region and these languages, if anyone fits; they are noted as just assigned. */
    Optional<String> match(String region, Collection<String> languages) {
        LocalDate today = register.today();
        var candidates = new ArrayList<Candidate>();
        for (User mentor : identityService.createUserQuery().memberOfGroup(Groups.MENTORS).list()) {
            MentorState state = state(mentor.getId());
            if (state.unavailableUntil() != null && !state.unavailableUntil().isBefore(today)) {
                continue;
            }
            long mentees = activeMentees(mentor.getId());
            if (mentees >= cap) {
                continue;
            }
            Optional<Leader> profile = register.byUser(mentor.getId());
            boolean sameRegion = profile.map(Leader::region).filter(r -> r.equalsIgnoreCase(String.valueOf(region))).isPresent();
            Set<String> spoken = profile.map(Leader::languages).map(MentorMatching::split).orElse(Set.of());
            boolean sharedLanguage = languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).anyMatch(spoken::contains);
            Integer rank = decisionService.evaluateDecisionTableByKey(MATCHING_DECISION, Variables.createVariables()
                    .putValue(SAME_REGION, sameRegion).putValue(SHARED_LANGUAGE, sharedLanguage)).getSingleResult().getEntry(RANK);
            if (rank != null && rank > 0) {
                candidates.add(new Candidate(mentor.getId(), mentees, rank, state.lastAssignedAt()));
            }
        }
        Optional<String> chosen = candidates.stream()
                .min(Comparator.comparingInt(Candidate::rank)
                        .thenComparingLong(Candidate::activeMentees)
                        .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Candidate::userId))
                .map(Candidate::userId);
        chosen.ifPresent(this::assigned);
        return chosen;
    }

    /** Running onboarding cases that name this mentor. */
    long activeMentees(String userId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(MENTOR, userId).count();
    }

    int cap() {
        return cap;
    }

    void markUnavailable(String userId, LocalDate until) {
        upsert(userId, "unavailable_until", until == null ? null : Date.valueOf(until));
    }

    void assigned(String userId) {
        upsert(userId, "last_assigned_at", Timestamp.from(clock.instant()));
    }

    record MentorState(LocalDate unavailableUntil, Instant lastAssignedAt) {
    }

    MentorState state(String userId) {
        return jdbc.query("SELECT unavailable_until, last_assigned_at FROM cultivate_onboarding_mentor WHERE user_id = ?",
                        (rs, row) -> new MentorState(rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(),
                                rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()), userId)
                .stream().findFirst().orElse(new MentorState(null, null));
    }

    private void upsert(String userId, String column, Object value) {
        if (jdbc.update("UPDATE cultivate_onboarding_mentor SET " + column + " = ? WHERE user_id = ?", value, userId) == 0) {
            jdbc.update("INSERT INTO cultivate_onboarding_mentor (user_id, " + column + ") VALUES (?, ?)", userId, value);
        }
    }

    /** The applicant's languages as the form gives them (a checklist, as JSON), or a comma-separated text. */
    static List<String> languages(Object value) {
        if (value instanceof SpinJsonNode json && json.isArray()) {
            return json.elements().stream().map(SpinJsonNode::stringValue).toList();
        }
        return value == null ? List.of() : List.copyOf(split(value.toString()));
    }

    private static Set<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
