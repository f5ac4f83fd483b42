package org.cultivate.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials of staff on Cultivate's own {@code /api} endpoints that serve more to
 * committee members than to the public, checked against the engine's users (the same accounts
 * and the same login delay as {@code /engine-rest}).
 */
@Component
public class StaffCredentials {

    private final IdentityService identityService;

    StaffCredentials(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The user whose valid credentials the request carries; empty without credentials; 401 for wrong ones. */
    public Optional<String> user(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || !identityService.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            throw unauthorized();
        }
        return Optional.of(decoded.substring(0, colon));
    }

    boolean isMember(String userId, String group) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    /** Whether the request is signed in by a member of any of the groups (without credentials: no). */
    public boolean signedInMemberOf(HttpServletRequest request, String... groups) {
        return user(request).filter(user -> memberOfAny(user, groups)).isPresent();
    }

    /** The signed-in member of one of the groups; 401 without credentials, 403 for anyone else. */
    public String requireMemberOf(HttpServletRequest request, String... groups) {
        String user = user(request).orElseThrow(() -> unauthorized("Sign in with your user name and password."));
        if (!memberOfAny(user, groups)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Not allowed", "This is for " + String.join(", ", groups) + " only.");
        }
        return user;
    }

    private boolean memberOfAny(String user, String... groups) {
        for (String group : groups) {
            if (isMember(user, group)) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem unauthorized() {
        return unauthorized("The user name or password is wrong.");
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "Not signed in", detail) {
            @Override
            public HttpHeaders headers() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cultivate\"");
                return headers;
            }
        };
    }
}
