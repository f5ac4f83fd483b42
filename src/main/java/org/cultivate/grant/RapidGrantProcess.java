package org.cultivate.grant;

/** The names that {@code processes/rapid-grant-eligibility.dmn}, {@code forms/rapid-grant-application.form} and the grants ledger share with the code. */
public final class RapidGrantProcess {

    public static final String PROCESS_KEY = "rapid-grant";
    public static final String APPLICATION_FORM = "rapid-grant-application";
    public static final String ELIGIBILITY_DECISION = "rapid-grant-eligibility";

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

    private RapidGrantProcess() {
    }
}
