package org.cultivate.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.cultivate.intake.StartForms.StartForm;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a submission of a public start form: checks it, starts its process, hands out a tracking code. */
@Service
class IntakeService {

    /** The status every case shows until its process says otherwise. */
    static final String INITIAL_STATUS = "received";

    private final StartForms startForms;
    private final CaseTrackingRepository tracking;
    private final RuntimeService runtimeService;
    private final FeatureFormRules rules;
    private final Clock clock;

    IntakeService(StartForms startForms, CaseTrackingRepository tracking, RuntimeService runtimeService, FeatureFormRules rules,
            Clock clock) {
        this.startForms = startForms;
        this.tracking = tracking;
        this.runtimeService = runtimeService;
        this.rules = rules;
        this.clock = clock;
    }

    record Receipt(String trackingCode, String reference) {
    }

    List<StartForm> catalogue() {
        return startForms.all();
    }

    StartForm startForm(String formId) {
        return startForms.find(formId).orElseThrow(() -> unknownForm(formId));
    }

    /**
     * Starts the case and its tracking entry in one transaction: either both exist and the code is
     * handed out, or neither does. {@code acceptLanguage} gives the case its language unless the
     * form asks for one itself.
     */
    @Transactional
    Receipt submit(String formId, JsonNode values, String acceptLanguage) {
        StartForm form = startForm(formId);
        if (!values.isObject()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid submission",
                    "A submission is a JSON object of the form's field values.");
        }
        var result = SubmissionValidator.validate(form.schema(), values, LocalDate.now(clock));
        if (!result.valid()) {
            throw new InvalidFormSubmission(form.formId(), result.errors()).asProblem();
        }
        var broken = rules.check(form.formId(), result.variables());
        if (!broken.isEmpty()) {
            throw new InvalidFormSubmission(form.formId(), broken).asProblem();
        }
        boolean formAsksLanguage = form.schema().fields().containsKey(CaseLanguage.VARIABLE);
        String portalLanguage = CaseLanguage.fromAcceptLanguage(acceptLanguage);
        if (formAsksLanguage && result.variables().getValue(CaseLanguage.VARIABLE, Object.class) == null) {
            result.variables().putValue(CaseLanguage.VARIABLE, portalLanguage);
        }
        String code = TrackingCodes.newCode();
        String reference = TrackingCodes.newReference(form.processKey());
        tracking.create(reference, form.processKey(), INITIAL_STATUS, clock.instant());
        tracking.addCode(reference, TrackingCodes.hash(code), CaseTracking.SUBMITTER, clock.instant());
        String caseId = runtimeService.startProcessInstanceById(form.processDefinitionId(), reference, result.variables()).getId();
        if (!formAsksLanguage) {
            // the start is checked against the form, which has no such field: the language joins the
            // case in the same transaction, before the start event's continuation runs
            runtimeService.setVariable(caseId, CaseLanguage.VARIABLE, portalLanguage);
        }
        return new Receipt(code, reference);
    }

    static ApiProblem unknownForm(String formId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Unknown form", "There is no public form '" + formId + "'.");
    }
}
