package org.cultivate.identity;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.cultivate.system.ApiProblem;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A staff member's own affiliations: {@code GET /api/me/affiliations}, and {@code PUT} the same
 * path with {@code {"organisations": [...]}} to state them. A case whose applicant is from one of
 * them recuses the member automatically, where the process says which variables name the
 * applicant's organisation ({@code cultivate.conflicts.affiliationIn}).
 */
@RestController
class AffiliationsController {

    static final int MOST_ORGANISATIONS = 20;
    static final int LONGEST_NAME = 200;

    private final MemberAffiliations affiliations;

    AffiliationsController(MemberAffiliations affiliations) {
        this.affiliations = affiliations;
    }

    record MemberOrganisations(String userId, List<String> organisations) {
    }

    record StatedOrganisations(List<String> organisations) {
    }

    @GetMapping("/api/me/affiliations")
    ResponseEntity<MemberOrganisations> mine(Principal member) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new MemberOrganisations(member.getName(), affiliations.of(member.getName())));
    }

    @PutMapping("/api/me/affiliations")
    ResponseEntity<MemberOrganisations> state(Principal member, @RequestBody(required = false) StatedOrganisations stated) {
        List<String> organisations = stated == null || stated.organisations() == null ? null : stated.organisations();
        var errors = new ArrayList<FieldError>();
        if (organisations == null) {
            errors.add(new FieldError("organisations", "A list of the organisations you belong to, possibly empty.", "required", null));
        } else {
            if (organisations.size() > MOST_ORGANISATIONS) {
                errors.add(new FieldError("organisations", "At most " + MOST_ORGANISATIONS + " organisations.", "maxItems", MOST_ORGANISATIONS));
            }
            for (int i = 0; i < organisations.size(); i++) {
                String organisation = organisations.get(i);
                // lower case may be longer ("İ" is two characters): the stored key must fit too
                if (organisation == null || organisation.isBlank() || organisation.strip().length() > LONGEST_NAME
                        || Affiliations.key(organisation).length() > LONGEST_NAME) {
                    errors.add(new FieldError("organisations[" + i + "]", "A name of 1 to " + LONGEST_NAME + " characters.", "maxLength",
                            LONGEST_NAME));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid affiliations", "The organisations could not be stated.", errors);
        }
        affiliations.replace(member.getName(), organisations);
        return mine(member);
    }
}
