package org.cultivate.modeler;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads the overview as the server. The engine acts as the signed-in coordinator on the modeler's
 * API, which is right for deploying and migrating (their authorizations are checked, the operation
 * log names them), but the overview counts running cases and reads who deployed what, which
 * coordinators, who may not read case data, could not see as themselves.
 */
@Component
class EngineUser {

    private final IdentityService identityService;

    EngineUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    <T> T asServer(Supplier<T> work) {
        Authentication signedIn = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (signedIn != null) {
                identityService.setAuthentication(signedIn);
            }
        }
    }
}
