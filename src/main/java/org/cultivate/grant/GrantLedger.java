package org.cultivate.grant;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.cultivate.notify.EmailAddresses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The grants ledger ({@code cultivate_grant}): every application from its receipt, by the
 * applicant's e-mail address. It answers the eligibility table's questions about an applicant
 * ({@link #historyOf}) and joins the engine's transaction when a process calls it.
 */
@Repository
class GrantLedger {

    // an application's life in the ledger
    static final String REQUESTED = "requested";
    static final String INELIGIBLE = "ineligible";
    static final String APPROVED = "approved";
    static final String PAID = "paid";
    /** The final report is accepted: the grant is no longer open. */
    static final String CLOSED = "closed";
    static final String DECLINED = "declined";
    static final String WITHDRAWN = "withdrawn";
    static final List<String> STATUSES = List.of(REQUESTED, INELIGIBLE, APPROVED, PAID, CLOSED, DECLINED, WITHDRAWN);

    /** What counts towards the annual cap: requested and granted amounts. */
    private static final List<String> COUNTED = List.of(REQUESTED, APPROVED, PAID, CLOSED);
    /** Open: approved, and the final report not yet accepted. */
    private static final List<String> OPEN = List.of(APPROVED, PAID);

    private static final String COLUMNS = "reference, process_key, applicant_email, applicant_type, community, amount, currency, "
            + "status, applied_on, report_due, rapid_grant_reference";
    /** What a query reads: the columns an application is entered with, and what its reports added since. */
    private static final String READ = COLUMNS + ", late_reports";
    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate(),
            rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(), rs.getString(11), rs.getInt(12));

    private final JdbcTemplate jdbc;
    private final GrantSettings settings;
    private final Clock clock;

    GrantLedger(JdbcTemplate jdbc, GrantSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** One application as the ledger holds it, with the reports filed after their due date. */
    record Entry(String reference, String processKey, String applicantEmail, String applicantType, String community,
            BigDecimal amount, String currency, String status, LocalDate appliedOn, LocalDate reportDue,
            String rapidGrantReference, int lateReports) {

        /** A new application: no report filed yet. */
        Entry(String reference, String processKey, String applicantEmail, String applicantType, String community,
                BigDecimal amount, String currency, String status, LocalDate appliedOn, LocalDate reportDue,
                String rapidGrantReference) {
            this(reference, processKey, applicantEmail, applicantType, community, amount, currency, status, appliedOn, reportDue,
                    rapidGrantReference, 0);
        }
    }

    /** What the scale-up table asks about a grantee: grants completed, and reports filed after their due date. */
    record TrackRecord(int completedGrants, int lateReports) {
    }

    /** What the eligibility table asks about an applicant, besides the application itself. */
    record ApplicantHistory(BigDecimal requestedOrGrantedThisYear, int openGrants, int overdueReports) {
    }

    void record(Entry entry) {
        requireStatus(entry.status());
        jdbc.update("INSERT INTO cultivate_grant (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.reference(), entry.processKey(), EmailAddresses.normalised(entry.applicantEmail()), entry.applicantType(), entry.community(),
                entry.amount(), entry.currency(), entry.status(), Date.valueOf(entry.appliedOn()),
                entry.reportDue() == null ? null : Date.valueOf(entry.reportDue()), entry.rapidGrantReference(),
                Timestamp.from(clock.instant()));
    }

    void setStatus(String reference, String status) {
        requireStatus(status);
        updateOne(reference, "status = ?", status);
    }

    /** The due date of the grant's next report not yet accepted; none once the final one is. */
    void setReportDue(String reference, LocalDate due) {
        updateOne(reference, "report_due = ?", due == null ? null : Date.valueOf(due));
    }

    /** The report due is filed: no longer due, and counted as late when filed after its due date. */
    void reportFiled(String reference, LocalDate on) {
        int updated = jdbc.update("UPDATE cultivate_grant SET late_reports = late_reports + CASE WHEN report_due < ? THEN 1 ELSE 0 END, "
                + "report_due = NULL, updated_at = ? WHERE reference = ?", Date.valueOf(on), Timestamp.from(clock.instant()), reference);
        if (updated != 1) {
            throw new IllegalStateException("The grants ledger holds no application " + reference);
        }
    }

    /** A grantee's track record from their grants ({@link #byApplicant}). */
    static TrackRecord trackRecordOf(List<Entry> grants) {
        return new TrackRecord((int) grants.stream().filter(grant -> CLOSED.equals(grant.status())).count(),
                grants.stream().mapToInt(Entry::lateReports).sum());
    }

    Optional<Entry> find(String reference) {
        return jdbc.query("SELECT " + READ + " FROM cultivate_grant WHERE reference = ?", ENTRY, reference).stream().findFirst();
    }

    /** An applicant's whole history, rapid grants and larger ones, oldest first. */
    List<Entry> byApplicant(String email) {
        return jdbc.query("SELECT " + READ + " FROM cultivate_grant WHERE applicant_email = ? ORDER BY applied_on, reference",
                ENTRY, EmailAddresses.normalised(email));
    }

    /** Every application received from {@code from} up to, not including, {@code until}. */
    List<Entry> appliedBetween(LocalDate from, LocalDate until) {
        return jdbc.query("SELECT " + READ + " FROM cultivate_grant WHERE applied_on >= ? AND applied_on < ? ORDER BY applied_on, reference",
                ENTRY, Date.valueOf(from), Date.valueOf(until));
    }

    /** How many grants are open with this status ({@code approved} or {@code paid}). */
    int openWithStatus(String status) {
        requireStatus(status);
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM cultivate_grant WHERE status = ?", Integer.class, status);
        return count == null ? 0 : count;
    }

    /** Reports of open grants due before {@code day} and not yet filed. */
    int reportsOverdue(LocalDate day) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM cultivate_grant WHERE status IN (?, ?) AND report_due < ?",
                Integer.class, APPROVED, PAID, Date.valueOf(day));
        return count == null ? 0 : count;
    }

    static boolean isOpen(Entry entry) {
        return OPEN.contains(entry.status());
    }

    /**
     * The applicant's history on {@code day}, leaving out the application being decided: amounts
     * requested or granted as rapid grants in the fiscal year of that day, grants still open (larger ones too), and reports overdue
     * by the hold period or more.
     */
    ApplicantHistory historyOf(String email, LocalDate day, String leavingOut) {
        LocalDate yearStart = settings.fiscalYearOf(day);
        BigDecimal total = BigDecimal.ZERO;
        int open = 0;
        int overdue = 0;
        LocalDate heldIfDueBy = day.minus(settings.holdAfterOverdue());
        for (Entry entry : byApplicant(email)) {
            if (entry.reference().equals(leavingOut)) {
                continue;
            }
            // the annual cap is the rapid fund's: a larger grant does not use it up
            if (RapidGrantProcess.PROCESS_KEY.equals(entry.processKey()) && COUNTED.contains(entry.status())
                    && !entry.appliedOn().isBefore(yearStart)
                    && entry.appliedOn().isBefore(yearStart.plusYears(1))) {
                total = total.add(entry.amount());
            }
            if (OPEN.contains(entry.status())) {
                open++;
                if (entry.reportDue() != null && !entry.reportDue().isAfter(heldIfDueBy)) {
                    overdue++;
                }
            }
        }
        return new ApplicantHistory(total, open, overdue);
    }

    private static void requireStatus(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("Not a status of the grants ledger: " + status);
        }
    }

    private void updateOne(String reference, String assignment, Object value) {
        int updated = jdbc.update("UPDATE cultivate_grant SET " + assignment + ", updated_at = ? WHERE reference = ?",
                value, Timestamp.from(clock.instant()), reference);
        if (updated != 1) {
            throw new IllegalStateException("The grants ledger holds no application " + reference);
        }
    }
}
