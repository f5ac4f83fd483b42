package org.cultivate.onboarding;

import org.cultivate.intake.CaseLanguage;

/** The names that {@code processes/leader-onboarding.bpmn}, its DMN and its forms share with the code. */
public final class LeaderOnboardingProcess {

    public static final String PROCESS_KEY = "leader-onboarding";
    public static final String APPLICATION_FORM = "leader-onboarding-application";
    public static final String MATCHING_DECISION = "mentor-matching";
    /** The holder of the voucher's tracking code (caseTracking.issueCode in the mail that asks them). */
    public static final String VOUCHER = "voucher";

    // the application (forms/leader-onboarding-application.form)
    public static final String APPLICANT_NAME = "applicantName";
    public static final String EMAIL = "email";
    public static final String COMMUNITY = "community";
    public static final String REGION = "region";
    public static final String LANGUAGES = "languages";
    public static final String LEAD_INTEREST = "leadInterest";
    public static final String EXPERIENCE = "experience";
    public static final String TIME_AVAILABLE = "timeAvailable";
    public static final String VOUCHER_EMAIL = "voucherEmail";
    public static final String LANGUAGE = CaseLanguage.VARIABLE;

    // vouching (forms vouch, name-voucher)
    public static final String VOUCHER_ELIGIBLE = "voucherEligible";
    /** {@code vouch}, {@code decline}, or {@code replaced} when the applicant named another voucher first. */
    public static final String VOUCH_DECISION = "vouchDecision";
    public static final String VOUCH_REASON = "vouchReason";

    // matching: the decision's inputs and output
    public static final String MENTOR = "mentor";
    /** Set with the message {@value #MENTOR_REASSIGNED}: the mentor the case was taken from. */
    public static final String PREVIOUS_MENTOR = "previousMentor";
    public static final String MENTOR_REASSIGNED = "MentorReassigned";
    public static final String SAME_REGION = "sameRegion";
    public static final String SHARED_LANGUAGE = "sharedLanguage";
    public static final String RANK = "rank";

    // screening and review (forms screen-application, interview-outcome, final-review)
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String INTERVIEW_DECISION = "interviewDecision";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String MESSAGE_TO_APPLICANT = "messageToApplicant";
    public static final String ORIENTATION_CALL_ON = "orientationCallOn";
    public static final String EXTEND_WEEKS = "extendWeeks";

    // orientation and its check-ins (forms check-in, mentor-check-in)
    public static final String ORIENTATION_STARTED_AT = "orientationStartedAt";
    public static final String ORIENTATION_ENDS_AT = "orientationEndsAt";
    public static final String CHECK_IN_WEEKS = "checkInWeeks";
    public static final java.util.List<Integer> CHECK_IN_SCHEDULE = java.util.List.of(2, 6, 10);
    public static final String CHECK_IN_WEEK = "checkInWeek";
    public static final String CHECK_IN_OPENS_AT = "checkInOpensAt";
    public static final String CHECK_IN_DUE_AT = "checkInDueAt";
    public static final String CHECK_IN_LATE_AT = "checkInLateAt";
    public static final String FEELING_OVERLOADED = "feelingOverloaded";
    public static final String MENTEE_OVERLOADED = "menteeOverloaded";

    // the BPMN's elements that code and tests name
    public static final String TASK_VOUCH = "UserTask_Vouch";
    public static final String TASK_NAME_ANOTHER_VOUCHER = "UserTask_NameAnotherVoucher";
    public static final String TASK_NAME_VOUCHER = "UserTask_NameVoucher";
    public static final String TASK_FIND_MENTOR = "UserTask_FindMentor";
    public static final String TASK_SCREEN = "UserTask_Screen";
    public static final String TASK_INTERVIEW = "UserTask_Interview";
    public static final String TASK_CHECKLIST = "UserTask_OnboardingChecklist";
    public static final String TASK_SCHEDULE_ORIENTATION = "UserTask_ScheduleOrientation";
    public static final String TASK_SCHEDULE_ORIENTATION_OVERDUE = "UserTask_ScheduleOrientationOverdue";
    public static final String TASK_FINAL_REVIEW = "UserTask_FinalReview";
    public static final String TASK_CHECK_IN = "UserTask_CheckIn";
    public static final String TASK_MENTOR_CHECK_IN = "UserTask_MentorCheckIn";

    private LeaderOnboardingProcess() {
    }
}
