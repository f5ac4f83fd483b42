package org.cultivate.conduct;

/**
 * The names of {@code processes/conduct-good-standing.bpmn}, the conduct committee's answer to
 * any process that must not serve a person under a ban in force. A caller needs only these
 * strings, never this class (docs/processes/conduct-incident.md, "Good standing"):
 * <pre>{@code
 * <bpmn:callActivity calledElement="conduct-good-standing" camunda:calledElementBinding="deployment">
 *   <bpmn:extensionElements>
 *     <camunda:in source="applicantName" target="personName" />
 *     <camunda:in source="email" target="personEmail" />
 *     <camunda:in sourceExpression="rapid grant ${execution.processBusinessKey}" target="askedFor" />
 *     <camunda:out source="goodStanding" target="goodStanding" />
 *   </bpmn:extensionElements>
 * </bpmn:callActivity>
 * }</pre>
 */
final class GoodStandingProcess {

    static final String PROCESS_KEY = "conduct-good-standing";

    // in
    static final String PERSON_NAME = "personName";
    static final String PERSON_EMAIL = "personEmail";
    /** What the standing is asked for: a reference, nothing of the asking case. */
    static final String ASKED_FOR = "askedFor";
    // set here
    static final String BAN_IN_FORCE = "banInForce";
    /** The committee's answer when a ban is in force (forms/confirm-good-standing.form). */
    static final String IN_GOOD_STANDING = "inGoodStanding";
    // out: the only answer the caller gets
    static final String GOOD_STANDING = "goodStanding";

    private GoodStandingProcess() {
    }
}
