package org.cultivate.conduct;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conduct/bans}: the committee's ban list — who is banned, from when, until when —
 * for members of the conduct committee and administrators only (the path rule of
 * identity/SecurityConfiguration). Bans in force by default; {@code ?all=true} includes the ones
 * that ran out.
 */
@RestController
class BanListController {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BanListController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Ban(String reference, String codeName, String outcome, String personName, String personEmail,
            LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    @GetMapping("/api/conduct/bans")
    ResponseEntity<List<Ban>> bans(@RequestParam(defaultValue = "false") boolean all) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Ban> bans = jdbc.query("""
                        SELECT reference, code_name, outcome, person_name, person_email, effective_from, effective_until
                        FROM cultivate_conduct_ban
                        WHERE ? OR effective_until IS NULL OR effective_until >= ?
                        ORDER BY effective_from DESC, reference""",
                (rs, row) -> new Ban(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()),
                all, Date.valueOf(today));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(bans);
    }
}
