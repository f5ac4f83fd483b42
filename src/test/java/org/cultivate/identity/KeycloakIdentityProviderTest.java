package org.cultivate.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the keycloak profile the engine reads users and groups from the real Keycloak (the realm of
 * keycloak/): its own queries, Camunda's REST API and the Admin webapp's API list them, to an
 * administrator all of them, to anyone else as the engine's authorizations allow.
 */
@KeycloakProfileTest
class KeycloakIdentityProviderTest {

    private static final String[] DEMO_USERS = {"alice", "bob", "chidi", "dana", "demo", "eve", "femi", "gita", "hiro",
            "ines", "jun", "kofi", "lena", "milan", "noor"};
    private static final String[] GROUPS = {"camunda-admin", "conduct-committee", "coordinators", "finance", "grants-committee",
            "mentors", "selection-committee"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    IdentityService identityService;

    private final RealKeycloak keycloak = RealKeycloak.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEngineFindsKeycloaksUsersAndGroups() {
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CONDUCT_COMMITTEE).list())
                .extracting(User::getId).containsExactly("alice", "bob", "chidi");
        assertThat(identityService.createGroupQuery().groupMember("demo").list())
                .extracting(Group::getId).containsExactly("camunda-admin", "coordinators");
        User alice = identityService.createUserQuery().userId("alice").singleResult();
        assertThat(alice.getFirstName()).isEqualTo("Alice");
        assertThat(alice.getEmail()).isEqualTo("alice@cultivate.test");
        assertThat(identityService.createUserQuery().userId("service-account-cultivate").count()).isZero();
        assertThat(identityService.checkPassword("alice", "alice")).as("passwords are Keycloak's alone").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest", "/camunda/api/engine/engine/default"})
    void anAdministratorListsThemThroughTheRestApis(String api) throws Exception {
        assertThat(get(api + "/user?sortBy=userId&sortOrder=asc", "demo").findValuesAsText("id")).containsExactly(DEMO_USERS);
        assertThat(get(api + "/group?sortBy=id&sortOrder=asc", "demo").findValuesAsText("id")).containsExactly(GROUPS);
        assertThat(get(api + "/user?memberOfGroup=conduct-committee", "demo").findValuesAsText("id"))
                .containsExactly("alice", "bob", "chidi");
        assertThat(get(api + "/group?member=demo", "demo").findValuesAsText("id")).containsExactly("camunda-admin", "coordinators");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest", "/camunda/api/engine/engine/default"})
    void aCommitteeMemberSeesHerselfAndHerGroupButNotTheDirectory(String api) throws Exception {
        // as with the engine's own tables: a user may read their own account and their groups, no one else's
        assertThat(get(api + "/user", "dana").findValuesAsText("id")).containsExactly("dana");
        assertThat(get(api + "/user?memberOfGroup=conduct-committee", "dana").findValuesAsText("id")).isEmpty();
        assertThat(get(api + "/group", "dana").findValuesAsText("id")).containsExactly("grants-committee");
        assertThat(get(api + "/user/dana/profile", "dana").path("email").asText()).isEqualTo("dana@cultivate.test");
    }

    private JsonNode get(String path, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + keycloak.appPort() + path))
                .header("Authorization", "Bearer " + keycloak.token(user)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s as %s: %s", path, user, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
