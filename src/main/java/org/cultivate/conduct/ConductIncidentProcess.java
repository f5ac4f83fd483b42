package org.cultivate.conduct;

/** The names that {@code processes/conduct-incident.bpmn} and its forms share with the code. */
public final class ConductIncidentProcess {

    public static final String PROCESS_KEY = "conduct-incident";
    public static final String REPORT_FORM = "incident-report";

    public static final String DESCRIPTION = "description";
    public static final String INCIDENT_DATE = "incidentDate";
    public static final String LOCATION = "location";
    public static final String PEOPLE_INVOLVED = "peopleInvolved";
    public static final String ONGOING_DANGER = "ongoingDanger";
    public static final String REPORTER_NAME = "reporterName";
    public static final String REPORTER_EMAIL = "reporterEmail";
    public static final String SEVERITY = "severity";

    public static final String TASK_TRIAGE = "UserTask_TriageReport";
    public static final String TASK_ACKNOWLEDGE_REPORTER = "ServiceTask_AcknowledgeReporter";
    public static final String TASK_ALERT_COMMITTEE = "ServiceTask_AlertCommittee";

    private ConductIncidentProcess() {
    }
}
