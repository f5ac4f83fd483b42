package org.cultivate.onboarding;

import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.onboarding.LeaderRegister.NewLeader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.cultivate.onboarding.LeaderOnboardingProcess.APPLICANT_NAME;
import static org.cultivate.onboarding.LeaderOnboardingProcess.COMMUNITY;
import static org.cultivate.onboarding.LeaderOnboardingProcess.EMAIL;
import static org.cultivate.onboarding.LeaderOnboardingProcess.LANGUAGES;
import static org.cultivate.onboarding.LeaderOnboardingProcess.LEAD_INTEREST;
import static org.cultivate.onboarding.LeaderOnboardingProcess.REGION;

/** A confirmed leader enters the register: role as they applied for it, a term from today of {@code cultivate.onboarding.term}. */
@Component("recordLeaderDelegate")
class RecordLeaderDelegate implements JavaDelegate {

    private final LeaderRegister register;
    private final Period term;

    RecordLeaderDelegate(LeaderRegister register, @Value("${cultivate.onboarding.term:P2Y}") Period term) {
        this.register = register;
        this.term = term;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate start = register.today();
        register.add(new NewLeader((String) execution.getVariable(APPLICANT_NAME), (String) execution.getVariable(EMAIL), null,
                (String) execution.getVariable(LEAD_INTEREST), (String) execution.getVariable(COMMUNITY), (String) execution.getVariable(REGION),
                String.join(",", MentorMatching.languages(execution.getVariable(LANGUAGES))), start, start.plus(term),
                LeaderRegister.ACTIVE, execution.getProcessBusinessKey()));
    }
}
