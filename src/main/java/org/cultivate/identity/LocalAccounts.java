package org.cultivate.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Sign-in with the engine's own users and groups (every profile but keycloak): form login and
 * HTTP Basic both end here. The engine checks the password, with its growing delay after wrong
 * attempts, and the user's groups become {@code GROUP_<id>} authorities.
 */
@Component
@Profile("!keycloak")
class LocalAccounts implements AuthenticationProvider {

    private final IdentityService identityService;

    LocalAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String user = attempt.getName();
        Object password = attempt.getCredentials();
        if (user == null || user.isBlank() || !(password instanceof String secret)
                || !identityService.checkPassword(user, secret)) {
            throw new BadCredentialsException("The user name or password is wrong.");
        }
        List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(StaffCredentials::groupAuthority)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
