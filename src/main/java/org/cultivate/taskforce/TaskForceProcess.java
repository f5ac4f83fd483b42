package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names that {@code processes/task-force-call.bpmn}, {@code processes/task-force-application.bpmn},
 * their forms and the code share.
 */
public final class TaskForceProcess {

    public static final String CALL_PROCESS_KEY = "task-force-call";
    public static final String APPLICATION_PROCESS_KEY = "task-force-application";
    public static final String CALL_FORM = "task-force-call";
    public static final String APPLICATION_FORM = "task-force-application";
    public static final String COMMITTEE = "selection-committee";

    // the call form
    public static final String TASK_FORCE_NAME = "taskForceName";
    public static final String PURPOSE = "purpose";
    public static final String SEATS = "seats";
    public static final String OPENS_ON = "opensOn";
    public static final String CLOSES_ON = "closesOn";
    public static final String REVIEWERS_PER_APPLICATION = "reviewersPerApplication";
    public static final String REVIEW_DAYS = "reviewDays";
    public static final String ANONYMISED = "anonymisedReviews";
    /** The balance wanted, one rule a line: {@code region ESEAP 1 3} (category, value, minimum, maximum; {@code -} for none). */
    public static final String BALANCE = "balance";
    public static final String CALL_LANGUAGES = "callLanguages";
    /** The languages a call's name and purpose may be given in besides the first: {@code taskForceNameEs}, {@code purposeAr}, … */
    public static final List<String> TRANSLATED_LANGUAGES = List.of("es", "fr", "ar");
    // what the call's plan derives from it
    public static final String OPENS_AT = "opensAt";
    public static final String CLOSES_AT = "closesAt";
    public static final String REVIEWS_DUE_AT = "reviewsDueAt";
    public static final String REVIEW_REMINDER_AT = "reviewReminderAt";
    /** The quotas, parsed from {@value #BALANCE}: a list of maps category, value, min, max. */
    public static final String QUOTAS = "quotas";

    // the application form
    public static final String CALL_REFERENCE = "callReference";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String EMAIL = "email";
    public static final String REGION = "region";
    public static final String LANGUAGES = "languages";
    public static final String GENDER = "gender";
    public static final String EXPERIENCE = "experience";
    public static final String AFFILIATION = "affiliation";
    public static final String LIST_CONSENT = "listConsent";
    /** The three fixed questions, each with a word limit. */
    public static final List<String> QUESTIONS = List.of("motivation", "contribution", "perspective");
    /** The categories a call's balance may name, and where an application keeps its values. */
    public static final List<String> CATEGORIES = List.of(REGION, "language", GENDER, EXPERIENCE);
    /** The eight Wikimedia regions. */
    public static final List<String> REGIONS = List.of("CEE", "ESEAP", "LAC", "MENA", "NA", "NWE", "SA", "SSA");
    public static final List<String> GENDERS = List.of("woman", "man", "non-binary", "another", "prefer-not-to-say");
    public static final List<String> EXPERIENCE_LEVELS = List.of("newcomer", "experienced", "veteran");

    // eligibility (processes/task-force-eligibility.dmn)
    public static final String ELIGIBILITY_DECISION = "task-force-eligibility";
    public static final String SELECTION_COMMITTEE_MEMBER = "selectionCommitteeMember";
    public static final String APPLIED_TO_THIS_CALL = "appliedToThisCall";

    // reviews
    /** The reviewers the call assigned to an application. */
    public static final String REVIEWERS = "reviewers";
    public static final String REVIEWER = "reviewer";
    /** The rubric of {@code forms/task-force-review.form}: each criterion scored 1 to 5. */
    public static final List<String> CRITERIA = List.of("scoreMotivation", "scoreContribution", "scorePerspective", "scoreCollaboration");
    public static final String REVIEW_COMMENT = "reviewComment";
    /** One variable per reviewer, {@code review-<member>}: reviewers finishing together never write the same one. */
    public static final String REVIEW_PREFIX = "review-";
    /** The weighted mean of the reviews, and how far the reviewers' own scores lie apart. */
    public static final String SCORE = "score";
    public static final String SCORE_SPREAD = "scoreSpread";
    public static final String REVIEW_COUNT = "reviewCount";

    // the selection
    public static final String PANEL = "panel";
    public static final String RESERVES = "reserves";
    public static final String RELAXATIONS = "relaxations";
    public static final String SELECTION_SUMMARY = "selectionSummary";
    /** The members who accepted, and the offers that wait for an answer. */
    public static final String ACCEPTED = "accepted";
    public static final String PENDING_OFFERS = "pendingOffers";
    /** The names of the members who consented to be listed, once the panel is announced. */
    public static final String ANNOUNCED_MEMBERS = "announcedMembers";

    // between a call and its applications (messages and what they carry)
    public static final String MESSAGE_REVIEWERS_ASSIGNED = "task-force-reviewers-assigned";
    public static final String MESSAGE_REVIEW_FINISHED = "task-force-review-finished";
    public static final String MESSAGE_REVIEWS_CLOSED = "task-force-reviews-closed";
    public static final String MESSAGE_OFFER = "task-force-offer";
    public static final String MESSAGE_OFFER_ANSWERED = "task-force-offer-answered";
    public static final String MESSAGE_ANNOUNCEMENT = "task-force-announcement";
    public static final String ANSWERING_APPLICATION = "answeringApplication";
    /** The seat offer's one field (a holder task): the contract. */
    public static final String ACCEPT = "accept";
    public static final String FINAL_OUTCOME = "finalOutcome";
    /** What the applicant sees (the contract): {@code received}, then these. */
    public static final String STATUS = "applicationStatus";

    /** The variable holding {@code field} (a call's name or purpose) in {@code language}: {@code purposeFr}. */
    public static String translated(String field, String language) {
        return field + Character.toUpperCase(language.charAt(0)) + language.substring(1);
    }

    /** A call's name and purpose in each language it has them in besides the first. */
    static Map<String, Map<String, String>> translations(Map<String, Object> call) {
        var translations = new LinkedHashMap<String, Map<String, String>>();
        for (String language : TRANSLATED_LANGUAGES) {
            var texts = new LinkedHashMap<String, String>();
            for (String field : List.of(TASK_FORCE_NAME, PURPOSE)) {
                if (call.get(translated(field, language)) instanceof String text && !text.isBlank()) {
                    texts.put(field.equals(TASK_FORCE_NAME) ? "name" : "purpose", text);
                }
            }
            if (!texts.isEmpty()) {
                translations.put(language, texts);
            }
        }
        return translations;
    }

    /** The variables of a call's name and purpose, in every language. */
    static List<String> callTexts() {
        var names = new ArrayList<>(List.of(TASK_FORCE_NAME, PURPOSE));
        TRANSLATED_LANGUAGES.forEach(language -> names.addAll(List.of(translated(TASK_FORCE_NAME, language), translated(PURPOSE, language))));
        return names;
    }

    private TaskForceProcess() {
    }
}
