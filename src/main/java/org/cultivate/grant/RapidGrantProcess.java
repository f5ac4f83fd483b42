package org.cultivate.grant;

import java.util.List;

/**
 * The names that {@code processes/rapid-grant.bpmn}, {@code processes/scale-up-grant.bpmn}, the
 * processes they share ({@code grant-funding}, {@code grant-payment}), the tables, the forms and
 * the grants ledger share with the code.
 */
public final class RapidGrantProcess {

    public static final String PROCESS_KEY = "rapid-grant";
    public static final String PAYMENT_PROCESS_KEY = "grant-payment";
    /** Payment and reports of an approved grant, rapid or larger. */
    public static final String FUNDING_PROCESS_KEY = "grant-funding";
    public static final String APPLICATION_FORM = "rapid-grant-application";
    public static final String ELIGIBILITY_DECISION = "rapid-grant-eligibility";
    public static final String COMMITTEE = "grants-committee";
    /** The external task topic of a payment, and its variables (the contract with a finance tool). */
    public static final String PAYMENT_TOPIC = "grant-payment";
    public static final String CURRENCY = "currency";
    public static final String PAYEE = "payee";
    public static final String PAYMENT_REFERENCE = "paymentReference";

    // the application form
    public static final String APPLICANT_NAME = "applicantName";
    public static final String EMAIL = "email";
    public static final String ORGANISATION = "organisation";
    public static final String COMMUNITY = "community";
    public static final String PROJECT_TITLE = "projectTitle";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String PUBLISH_CONSENT = "publishConsent";
    /** What the community said while the application was open for comment, for the reviewers. */
    public static final String COMMUNITY_COMMENTS = "communityComments";
    public static final String LANGUAGE = "language";

    // the table's inputs: the application's amount and type, and the applicant's history
    public static final String AMOUNT = "amount";
    public static final String APPLICANT_TYPE = "applicantType";
    public static final String TOTAL_THIS_YEAR = "totalThisYear";
    public static final String OPEN_GRANTS = "openGrants";
    public static final String OVERDUE_REPORTS = "overdueReports";
    // its outputs
    public static final String ELIGIBLE = "eligible";
    public static final String ELIGIBILITY_RULE = "eligibilityRule";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    /** The conduct committee's answer (processes/conduct-good-standing.bpmn). */
    public static final String GOOD_STANDING = "goodStanding";

    // reviews
    public static final String REVIEW_QUORUM = "reviewQuorum";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String REVIEW_REMINDER_AT = "reviewReminderAt";
    /** One variable per reviewer, {@code review-<member>}, so reviewers finishing together never write the same row. */
    public static final String REVIEW_PREFIX = "review-";
    public static final String REVIEW_SUMMARY = "reviewSummary";
    public static final String RECOMMENDATION = "recommendation";
    public static final String REVIEW_COMMENT = "reviewComment";
    /** The rubric: each criterion scored 1 to 5 in {@code forms/rapid-grant-review.form}. */
    public static final List<String> CRITERIA = List.of("scoreImpact", "scoreFeasibility", "scoreBudget", "scoreCommunity");

    // the determination
    public static final String DETERMINATION = "determination";
    public static final String APPROVE = "approve";
    public static final String DECLINE = "decline";
    public static final String ASK_APPLICANT = "ask-applicant";
    public static final String QUESTION_FOR_APPLICANT = "questionForApplicant";
    public static final String REASONS_FOR_APPLICANT = "reasonsForApplicant";
    public static final String HOLDER_MESSAGE = "holderMessage";
    /** How the application part ended: approved, or not (ineligible, declined, withdrawn). */
    public static final String APPLICATION_OUTCOME = "applicationOutcome";

    // reports
    public static final String REPORTS = "reports";
    public static final String INTERIM = "interim";
    public static final String FINAL = "final";
    public static final String REPORT_KIND = "reportKind";
    public static final String INTERIM_REPORT_DUE = "interimReportDue";
    public static final String FINAL_REPORT_DUE = "finalReportDue";
    public static final String REPORT_DUE = "reportDue";
    public static final String REPORT_REMINDER_AT = "reportReminderAt";
    public static final String REPORT_ESCALATE_AT = "reportEscalateAt";
    public static final String REPORT_HOLD_AT = "reportHoldAt";
    public static final String REPORT_MESSAGE = "reportMessage";
    public static final String REPORT_OUTCOME = "reportOutcome";
    public static final String REVISE = "revise";
    public static final String ACCEPT = "accept";
    public static final String REPORT_COMMENTS = "reportComments";
    public static final String RECOMMEND_SCALE_UP = "recommendScaleUp";


    // the invitation to a larger grant (processes/scale-up-invitation.dmn and processes/scale-up-grant.bpmn)
    public static final String SCALE_UP_PROCESS_KEY = "scale-up-grant";
    public static final String SCALE_UP_FORM = "scale-up-grant-application";
    public static final String SCALE_UP_DECISION = "scale-up-invitation";
    public static final String COMPLETED_GRANTS = "completedGrants";
    public static final String LATE_REPORTS = "lateReports";
    /** The grantee's grants, as the invitation shows them. */
    public static final String GRANT_HISTORY = "grantHistory";
    public static final String INVITE_SCALE_UP = "inviteScaleUp";
    public static final String INVITE_BECAUSE = "inviteBecause";
    /** On a larger grant: the reference of the rapid grant whose invitation it came from. */
    public static final String RAPID_GRANT_REFERENCE = "rapidGrantReference";
    /** What the grantee writes in the scale-up application, besides who they are. */
    public static final List<String> SCALE_UP_FIELDS = List.of(PROJECT_TITLE, "summary", "goals", "workPlan", "budget", START_DATE,
            END_DATE, AMOUNT, "callAvailability");
    public static final String EARLY_CALL_DUE = "earlyCallDue";
    public static final int EARLY_CALL_WORKING_DAYS = 10;

    private RapidGrantProcess() {
    }
}
