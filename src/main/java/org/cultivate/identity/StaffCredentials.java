package org.cultivate.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who signed in, as Spring Security established it for this request (a local account's password
 * in the default profile, a Keycloak login or bearer token in the keycloak profile), for the
 * {@code /api} endpoints that serve more to staff than to the public. Paths are guarded in
 * {@link SecurityConfiguration}, the one place that decides who may pass; this is for answers
 * that depend on who asks.
 */
@Component
public class StaffCredentials {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    /** Whether this request is signed in by a member of any of the groups (anonymous: no). */
    public boolean signedInMemberOf(String... groups) {
        return signedIn().map(authentication -> memberOfAny(authentication, groups)).orElse(false);
    }

    /** How a group travels in Spring Security: the authority {@code GROUP_<id>}. */
    static GrantedAuthority groupAuthority(String group) {
        return new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + group);
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
