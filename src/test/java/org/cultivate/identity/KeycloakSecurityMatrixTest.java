package org.cultivate.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security matrix in the keycloak profile: the same doors and roles, each user signed in with
 * a real access token from {@link RealKeycloak} (the realm file of keycloak/, password grant).
 */
@KeycloakProfileTest
class KeycloakSecurityMatrixTest extends SecurityMatrix {

    @Override
    String baseUrl() {
        return "http://localhost:" + RealKeycloak.get().appPort();
    }

    @Override
    String authorization(String user) {
        return "Bearer " + RealKeycloak.get().token(user);
    }

    @Test
    void alicesTokenFindsTheCasesTaskAndDanasFindsNothing() throws Exception {
        String caseTasks = "/engine-rest/task?processInstanceId=" + caseId;
        assertThat(send("GET", caseTasks, "alice", null).findValuesAsText("id")).contains(taskId);
        assertThat(send("GET", caseTasks, "dana", null)).isEmpty();
        assertThat(send("GET", "/engine-rest/task/" + taskId, "alice", null).path("processInstanceId").asText()).isEqualTo(caseId);
    }
}
