package org.cultivate.conduct;

import org.cultivate.identity.ConflictsOfInterest;
import org.cultivate.intake.CaseLanguage;

/** The names that {@code processes/conduct-incident.bpmn}, its DMN and its forms share with the code. */
public final class ConductIncidentProcess {

    public static final String PROCESS_KEY = "conduct-incident";
    public static final String REPORT_FORM = "incident-report";
    public static final String TRIAGE_DECISION = "conduct-triage";

    // the report (forms/incident-report.form)
    public static final String DESCRIPTION = "description";
    public static final String BEHAVIOUR = "behaviour";
    public static final String INCIDENT_DATE = "incidentDate";
    public static final String LOCATION = "location";
    public static final String PEOPLE_INVOLVED = "peopleInvolved";
    public static final String ONGOING_DANGER = "ongoingDanger";
    public static final String REPORTER_NAME = "reporterName";
    public static final String REPORTER_EMAIL = "reporterEmail";
    /** The reporter's language: the form's own field, or the portal's language when it is left empty. */
    public static final String LANGUAGE = CaseLanguage.VARIABLE;

    // set by the process
    public static final String CODE_NAME = "codeName";
    public static final String SEVERITY = "severity";
    public static final String ACKNOWLEDGE_WITHIN = "acknowledgeWithin";
    public static final String RESOLVE_WITHIN = "resolveWithin";
    public static final String SAFETY_ACTOR = "safetyActor";
    public static final String ACKNOWLEDGEMENT_MESSAGE = "acknowledgementMessage";
    // conflicts of interest: the shared mechanism's variables (identity.ConflictsOfInterest)
    public static final String COMMITTEE_MEMBERS = ConflictsOfInterest.COMMITTEE_MEMBERS;
    public static final String CLEARED_MEMBERS = ConflictsOfInterest.CLEARED_MEMBERS;
    public static final String RECUSED_MEMBERS = ConflictsOfInterest.RECUSED_MEMBERS;
    public static final String RECUSALS = ConflictsOfInterest.RECUSALS;

    // investigation, proposal and vote
    public static final String NEXT_STEP = "nextStep";
    public static final String QUESTION_FOR_REPORTER = "questionForReporter";
    /** The last answer or appeal a holder sent from the tracking page (forms answer-question, appeal), and which holder it was. */
    public static final String HOLDER_MESSAGE = "holderMessage";
    public static final String ANSWERED_BY = "answeredBy";
    public static final String OUTCOME = "outcome";
    public static final String MESSAGE_TO_REPORTER = "messageToReporter";
    public static final String APPROVE = "approve";
    public static final String VOTE_COMMENT = "voteComment";
    /** A member's ballot in the current round, {@code ballot-<member>}: member, approve, optional comment. */
    public static final String BALLOT_PREFIX = "ballot-";
    /** One entry per round: approvals, votes, passed, voters. */
    public static final String VOTE_HISTORY = "voteHistory";
    public static final String VOTE_PASSED = "votePassed";
    public static final String FAILED_VOTES = "failedVotes";

    // decision, appeal, retention
    public static final String INFORM_REPORTED_PERSON = "informReportedPerson";
    public static final String REPORTED_PERSON_NAME = "reportedPersonName";
    public static final String REPORTED_PERSON_EMAIL = "reportedPersonEmail";
    public static final String MESSAGE_TO_REPORTED_PERSON = "messageToReportedPerson";
    public static final String BAN_DAYS = "banDays";
    /** The outcome after any appeal. */
    public static final String FINAL_OUTCOME = "finalOutcome";
    public static final String APPEAL_REVIEWERS = "appealReviewers";
    public static final String APPEAL_REVIEWER_GROUP = "appealReviewerGroup";
    public static final String APPEAL_DECISION = "appealDecision";
    public static final String APPEAL_RESPONSE = "appealResponse";
    public static final String EXPUNGE_AFTER = "expungeAfter";
    public static final String EXPUNGED_AT = "expungedAt";

    public static final String TASK_INVESTIGATE = "UserTask_Investigate";
    public static final String TASK_PROPOSE = "UserTask_ProposeResolution";
    public static final String TASK_VOTE = "UserTask_Vote";
    public static final String TASK_ESCALATED_DECISION = "UserTask_EscalatedDecision";
    public static final String TASK_REVIEW_APPEAL = "UserTask_ReviewAppeal";
    /** Holder tasks, on the tracking page: the reporter answers a question; the reporter or the reported person appeals. */
    public static final String TASK_ANSWER_QUESTION = "UserTask_AnswerQuestion";
    public static final String TASK_APPEAL = "UserTask_Appeal";

    // the conflict declaration (processes/conflict-declaration.bpmn)
    public static final String DECLARATION_PROCESS_KEY = ConflictsOfInterest.DECLARATION_PROCESS_KEY;
    public static final String CASE_ID = ConflictsOfInterest.CASE_ID;
    public static final String MEMBER = ConflictsOfInterest.MEMBER;
    public static final String HAS_CONFLICT = ConflictsOfInterest.HAS_CONFLICT;
    public static final String CONFLICT_NOTE = ConflictsOfInterest.CONFLICT_NOTE;

    public static final String TASK_IMMEDIATE_SAFETY = "UserTask_ImmediateSafety";
    public static final String TASK_REPORT_SAFETY_ACTION = "UserTask_ReportSafetyAction";
    public static final String TASK_ACKNOWLEDGE = "UserTask_AcknowledgeReport";
    public static final String TASK_ACKNOWLEDGE_REPORTER = "ServiceTask_AcknowledgeReporter";
    public static final String TASK_ALERT_COMMITTEE = "ServiceTask_AlertCommittee";
    public static final String TIMER_ACKNOWLEDGE_DEADLINE = "Timer_AcknowledgeDeadline";

    private ConductIncidentProcess() {
    }
}
