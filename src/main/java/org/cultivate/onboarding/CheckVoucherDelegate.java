package org.cultivate.onboarding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cultivate.notify.EmailAddresses;
import org.springframework.stereotype.Component;

import static org.cultivate.onboarding.LeaderOnboardingProcess.EMAIL;
import static org.cultivate.onboarding.LeaderOnboardingProcess.VOUCHER_ELIGIBLE;
import static org.cultivate.onboarding.LeaderOnboardingProcess.VOUCHER_EMAIL;
import static org.cultivate.onboarding.LeaderOnboardingProcess.VOUCH_DECISION;

/** Sets {@code voucherEligible}: the voucher named is an active leader of the register, and not the applicant. */
@Component("checkVoucherDelegate")
class CheckVoucherDelegate implements JavaDelegate {

    private final LeaderRegister register;

    CheckVoucherDelegate(LeaderRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String voucher = EmailAddresses.normalised((String) execution.getVariable(VOUCHER_EMAIL));
        String applicant = EmailAddresses.normalised((String) execution.getVariable(EMAIL));
        boolean eligible = voucher != null && !voucher.equals(applicant) && register.activeByEmail(voucher).isPresent();
        execution.setVariable(VOUCHER_ELIGIBLE, eligible);
        // a new voucher answers afresh
        execution.setVariable(VOUCH_DECISION, null);
    }
}
