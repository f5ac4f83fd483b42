package org.cultivate.onboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.cultivate.onboarding.LeaderOnboardingProcess.LANGUAGES;
import static org.cultivate.onboarding.LeaderOnboardingProcess.MENTOR;
import static org.cultivate.onboarding.LeaderOnboardingProcess.REGION;

/** Sets {@code mentor} to the mentor matched by load, or to null when nobody fits (the coordinators then find one). */
@Component("matchMentorDelegate")
class MatchMentorDelegate implements JavaDelegate {

    private final MentorMatching matching;

    MatchMentorDelegate(MentorMatching matching) {
        this.matching = matching;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String mentor = matching.match((String) execution.getVariable(REGION), MentorMatching.languages(execution.getVariable(LANGUAGES)))
                .orElse(null);
        execution.setVariable(MENTOR, mentor);
    }
}
