package org.cultivate.grant;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.cultivate.identity.Recusals;
import org.cultivate.notify.EmailAddresses;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A grantee's whole history, rapid grants and the larger ones they led to, in one answer:
 * {@code POST /api/grants/history} with {@code {"email": "…"}} for the grants committee and the
 * coordinators (the address in the body, never in a URL that proxies log). The
 * ledger's figures only, nothing of what the applications say; a member recused from a case
 * does not see it here either.
 */
@RestController
class GrantHistoryController {

    private final GrantLedger ledger;
    private final Recusals recusals;

    GrantHistoryController(GrantLedger ledger, Recusals recusals) {
        this.ledger = ledger;
        this.recusals = recusals;
    }

    /** One grant: {@code process} is rapid-grant or scale-up-grant; a larger grant names its rapid grant. */
    record HistoryEntry(String reference, String process, BigDecimal amount, String currency, String status, LocalDate appliedOn,
            LocalDate reportDue, String rapidGrantReference) {
    }

    record Grantee(String email) {
    }

    @PostMapping("/api/grants/history")
    List<HistoryEntry> history(@RequestBody(required = false) Grantee grantee, Principal reader) {
        String email = grantee == null ? null : grantee.email();
        if (email == null || !email.contains("@") || email.isBlank() || email.length() > 320) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid e-mail address",
                    "\"email\" is the applicant's e-mail address, which identifies them across grants.");
        }
        List<GrantLedger.Entry> entries = ledger.byApplicant(EmailAddresses.normalised(email));
        Set<String> hidden = recusals.recusedFrom(reader.getName(), entries.stream().map(GrantLedger.Entry::reference).toList());
        return entries.stream().filter(entry -> !hidden.contains(entry.reference()))
                .map(entry -> new HistoryEntry(entry.reference(), entry.processKey(), entry.amount(), entry.currency(), entry.status(),
                        entry.appliedOn(), entry.reportDue(), entry.rapidGrantReference()))
                .toList();
    }
}
