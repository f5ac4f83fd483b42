package org.cultivate.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tracking tables of {@code db/changelog/cultivate.xml}. Joins the engine's transaction when called from a process. */
@Repository
class CaseTrackingRepository {

    private final JdbcTemplate jdbc;

    CaseTrackingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case as one code's holder sees it. */
    record TrackedCase(String reference, String holder, String processKey, String status) {
    }

    record Update(Instant at, String status, String message) {
    }

    void create(String reference, String processKey, String status, Instant at) {
        jdbc.update("INSERT INTO cultivate_case_tracking (reference, process_key, status, created_at) VALUES (?, ?, ?, ?)",
                reference, processKey, status, Timestamp.from(at));
        jdbc.update("INSERT INTO cultivate_case_update (reference, happened_at, status) VALUES (?, ?, ?)",
                reference, Timestamp.from(at), status);
    }

    /** Starts tracking a case that did not come through the intake; does nothing for one already tracked. */
    void createIfMissing(String reference, String processKey, String status, Instant at) {
        Integer tracked = jdbc.queryForObject("SELECT COUNT(*) FROM cultivate_case_tracking WHERE reference = ?", Integer.class, reference);
        if (tracked == null || tracked == 0) {
            create(reference, processKey, status, at);
        }
    }

    void addCode(String reference, String codeHash, String holder, Instant at) {
        jdbc.update("INSERT INTO cultivate_tracking_code (code_hash, reference, holder, created_at) VALUES (?, ?, ?, ?)",
                codeHash, reference, holder, Timestamp.from(at));
    }

    void deleteCodes(String reference, String holder) {
        jdbc.update("DELETE FROM cultivate_tracking_code WHERE reference = ? AND holder = ?", reference, holder);
    }

    Optional<TrackedCase> findByCodeHash(String codeHash) {
        return jdbc.query("""
                        SELECT c.reference, k.holder, c.process_key, c.status
                        FROM cultivate_tracking_code k JOIN cultivate_case_tracking c ON c.reference = k.reference
                        WHERE k.code_hash = ?""",
                (rs, row) -> new TrackedCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                codeHash).stream().findFirst();
    }

    /** The timeline as {@code holder} may see it: updates for everyone and those meant for them. */
    List<Update> updates(String reference, String holder) {
        return jdbc.query("""
                        SELECT happened_at, status, message FROM cultivate_case_update
                        WHERE reference = ? AND (audience IS NULL OR audience = ?) ORDER BY happened_at, id""",
                (rs, row) -> new Update(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)),
                reference, holder);
    }

    /** @return whether the case is tracked at all (a process started without the intake is not). */
    boolean addUpdate(String reference, String status, String message, String audience, Instant at) {
        if (jdbc.update("UPDATE cultivate_case_tracking SET status = ? WHERE reference = ?", status, reference) == 0) {
            return false;
        }
        jdbc.update("INSERT INTO cultivate_case_update (reference, happened_at, status, message, audience) VALUES (?, ?, ?, ?, ?)",
                reference, Timestamp.from(at), status, message, audience);
        return true;
    }

    /** Removes the messages of a case's timeline, keeping when its status changed. */
    void forgetMessages(String reference) {
        jdbc.update("UPDATE cultivate_case_update SET message = NULL WHERE reference = ?", reference);
    }

    void markEnded(String reference, Instant at) {
        jdbc.update("UPDATE cultivate_case_tracking SET ended_at = ? WHERE reference = ? AND ended_at IS NULL",
                Timestamp.from(at), reference);
    }

    int deleteEndedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM cultivate_case_tracking WHERE ended_at < ?", Timestamp.from(cutoff));
    }
}
