package org.cultivate.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.cultivate.system.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who signed in, as Spring Security established it for this request (a local account's password
 * in the default profile, a Keycloak login or bearer token in the keycloak profile), for the
 * {@code /api} endpoints that serve more to staff than to the public. Paths are guarded in
 * {@link SecurityConfiguration}; this is for answers that depend on who asks.
 */
@Component
public class StaffCredentials {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    /** The signed-in user; empty for an anonymous caller. The request is kept for call sites' clarity. */
    public Optional<String> user(HttpServletRequest request) {
        return signedIn().map(Authentication::getName);
    }

    /** Whether the request is signed in by a member of any of the groups (anonymous: no). */
    public boolean signedInMemberOf(HttpServletRequest request, String... groups) {
        return signedIn().map(authentication -> memberOfAny(authentication, groups)).orElse(false);
    }

    /** The signed-in member of one of the groups; 401 when anonymous, 403 for anyone else. */
    public String requireMemberOf(HttpServletRequest request, String... groups) {
        Authentication authentication = signedIn().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "Not signed in", "Sign in with your user name and password."));
        if (!memberOfAny(authentication, groups)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Not allowed", "This is for " + String.join(", ", groups) + " only.");
        }
        return authentication.getName();
    }

    /** The groups of a signed-in user, from the authorities Spring Security gave them. */
    static List<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(GROUP_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
                .toList();
    }

    static Optional<Authentication> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication);
    }

    private static boolean memberOfAny(Authentication authentication, String... groups) {
        return groupsOf(authentication).stream().anyMatch(Arrays.asList(groups)::contains);
    }
}
