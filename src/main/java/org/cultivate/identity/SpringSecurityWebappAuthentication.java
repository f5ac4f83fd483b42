package org.cultivate.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Tells the Camunda webapps (Tasklist, Cockpit, Admin) who Spring Security signed in: their
 * container-based authentication filter asks this class, so the webapps need no login of their
 * own and SSO works for them. Instantiated by that filter by class name, hence public.
 */
public class SpringSecurityWebappAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return StaffCredentials.signedIn().map(authentication -> {
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            result.setGroups(StaffCredentials.groupsOf(authentication));
            // no tenants: without this the filter would ask the identity provider for them
            result.setTenants(List.of());
            return result;
        }).orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they reach the webapps
    }
}
