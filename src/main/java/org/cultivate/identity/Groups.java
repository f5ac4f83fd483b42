package org.cultivate.identity;

import java.util.List;

/** The groups of DESIGN.md; BPMN names them in {@code candidateGroups}, Keycloak holds the same. */
public final class Groups {

    public static final String CONDUCT_COMMITTEE = "conduct-committee";
    public static final String GRANTS_COMMITTEE = "grants-committee";
    public static final String SELECTION_COMMITTEE = "selection-committee";
    public static final String MENTORS = "mentors";
    /** Sees grant payments waiting when no finance tool takes them (external task topic grant-payment). */
    public static final String FINANCE = "finance";
    public static final String COORDINATORS = "coordinators";
    /** Camunda's own administrators' group. */
    public static final String ADMINS = "camunda-admin";

    /** The groups that work cases in Tasklist; coordinators too, for the onboardings no mentor fits. */
    public static final List<String> CASE_WORKERS = List.of(CONDUCT_COMMITTEE, GRANTS_COMMITTEE, SELECTION_COMMITTEE, MENTORS, FINANCE,
            COORDINATORS);

    static final List<Group> ALL = List.of(
            new Group(CONDUCT_COMMITTEE, "Conduct committee"),
            new Group(GRANTS_COMMITTEE, "Grants committee"),
            new Group(SELECTION_COMMITTEE, "Selection committee"),
            new Group(MENTORS, "Mentors"),
            new Group(FINANCE, "Finance"),
            new Group(COORDINATORS, "Coordinators"),
            new Group(ADMINS, "Camunda administrators"));

    record Group(String id, String name) {
    }

    private Groups() {
    }
}
