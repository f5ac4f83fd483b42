package org.cultivate.onboarding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.cultivate.onboarding.LeaderRegister.Leader;
import org.cultivate.onboarding.LeaderRegister.NewLeader;
import org.cultivate.system.ApiProblem;
import org.cultivate.system.ApiProblem.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/leaders}: the leaders' register, and {@code POST /api/leaders}: a coordinator
 * adds a leader the community already has. Coordinators and administrators only (the path rule
 * of identity/SecurityConfiguration).
 */
@RestController
class LeadersController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final LeaderRegister register;

    LeadersController(LeaderRegister register) {
        this.register = register;
    }

    @GetMapping("/api/leaders")
    ResponseEntity<List<Leader>> leaders() {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(register.all());
    }

    @PostMapping("/api/leaders")
    ResponseEntity<Leader> add(@RequestBody NewLeader leader) {
        var errors = new ArrayList<FieldError>();
        required(errors, "name", leader.name(), 200);
        required(errors, "role", leader.role(), 64);
        required(errors, "community", leader.community(), 200);
        if (leader.email() == null || !EMAIL.matcher(leader.email()).matches() || leader.email().length() > 320) {
            errors.add(new FieldError("email", "Give the leader's e-mail address.", "email", null));
        }
        if (leader.termStart() == null) {
            errors.add(new FieldError("termStart", "Give the date the leader's term started.", "required", null));
        } else if (leader.termEnd() != null && leader.termEnd().isBefore(leader.termStart())) {
            errors.add(new FieldError("termEnd", "A term ends after it starts.", "min", leader.termStart()));
        }
        if (leader.status() != null && !LeaderRegister.STATUSES.contains(leader.status())) {
            errors.add(new FieldError("status", "The status is one of " + String.join(", ", LeaderRegister.STATUSES) + ".", "options", null));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid leader", errors.size() + " fields need attention.", errors);
        }
        String status = leader.status() == null ? LeaderRegister.ACTIVE : leader.status();
        LocalDate termStart = leader.termStart();
        long id = register.add(new NewLeader(leader.name().trim(), leader.email(), blankToNull(leader.userId()), leader.role().trim(),
                leader.community().trim(), blankToNull(leader.region()), blankToNull(leader.languages()), termStart, leader.termEnd(),
                status, null));
        Leader added = register.all().stream().filter(entry -> entry.id() == id).findFirst().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    private static void required(List<FieldError> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "This field is required.", "required", null));
        } else if (value.length() > maxLength) {
            errors.add(new FieldError(field, "At most " + maxLength + " characters.", "maxLength", maxLength));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
