package org.cultivate.onboarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.cultivate.notify.EmailAddresses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The leaders' register ({@code cultivate_onboarding_leader}): each leader's role, community,
 * e-mail, term and status. Joins the engine's transaction when a process calls it.
 */
@Repository
class LeaderRegister {

    static final String ACTIVE = "active";
    static final String ALUMNI = "alumni";
    static final List<String> STATUSES = List.of(ACTIVE, "on-break", ALUMNI);

    private static final String COLUMNS = "id, name, email, user_id, role, community, region, languages, term_start, term_end, status, reference";
    private static final RowMapper<Leader> LEADER = (rs, row) -> new Leader(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getDate(9).toLocalDate(), rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(), rs.getString(11), rs.getString(12));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LeaderRegister(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A leader as the register holds them; {@code userId} is their account, if they have one (mentors do). */
    record Leader(long id, String name, String email, String userId, String role, String community, String region,
            String languages, LocalDate termStart, LocalDate termEnd, String status, String reference) {
    }

    /** What a coordinator (or a confirmed onboarding) enters. */
    record NewLeader(String name, String email, String userId, String role, String community, String region,
            String languages, LocalDate termStart, LocalDate termEnd, String status, String reference) {
    }

    List<Leader> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM cultivate_onboarding_leader ORDER BY community, name, id", LEADER);
    }

    long add(NewLeader leader) {
        jdbc.update("""
                        INSERT INTO cultivate_onboarding_leader
                        (name, email, user_id, role, community, region, languages, term_start, term_end, status, reference, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                leader.name(), EmailAddresses.normalised(leader.email()), leader.userId(), leader.role(), leader.community(), leader.region(),
                leader.languages(), Date.valueOf(leader.termStart()), leader.termEnd() == null ? null : Date.valueOf(leader.termEnd()),
                leader.status(), leader.reference(), Timestamp.from(clock.instant()));
        return jdbc.queryForObject("SELECT MAX(id) FROM cultivate_onboarding_leader WHERE email = ?", Long.class, EmailAddresses.normalised(leader.email()));
    }

    /** An active leader with this address whose term runs today: the only kind who may vouch. */
    Optional<Leader> activeByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM cultivate_onboarding_leader WHERE email = ? AND status = ?"
                        + " AND term_start <= ? AND (term_end IS NULL OR term_end >= ?) ORDER BY id", LEADER,
                EmailAddresses.normalised(email), ACTIVE, Date.valueOf(today()), Date.valueOf(today())).stream().findFirst();
    }

    /** The register entry of an account's holder (a mentor's region and languages), if any. */
    Optional<Leader> byUser(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM cultivate_onboarding_leader WHERE user_id = ? ORDER BY id DESC", LEADER, userId)
                .stream().findFirst();
    }

    boolean isEmpty() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM cultivate_onboarding_leader", Integer.class);
        return count == null || count == 0;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
