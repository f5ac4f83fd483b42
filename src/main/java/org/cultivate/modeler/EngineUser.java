package org.cultivate.modeler;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whom the engine acts for. Deploying and migrating run as the signed-in coordinator, so the engine
 * checks their authorizations and its user operation log names them; reading the overview (counts of
 * running cases, who deployed what) runs as the server, because coordinators may not read case data.
 */
@Component
class EngineUser {

    private final IdentityService identityService;

    EngineUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    <T> T as(String user, Supplier<T> work) {
        var groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        return within(new Authentication(user, groups), work);
    }

    <T> T asServer(Supplier<T> work) {
        return within(null, work);
    }

    private <T> T within(Authentication authentication, Supplier<T> work) {
        Authentication before = identityService.getCurrentAuthentication();
        if (authentication == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(authentication);
        }
        try {
            return work.get();
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
        }
    }
}
