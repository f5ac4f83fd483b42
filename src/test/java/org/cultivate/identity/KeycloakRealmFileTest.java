package org.cultivate.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * keycloak/cultivate-realm.json is imported by docker compose and by the Keycloak integration
 * tests; this checks it holds DESIGN.md's groups, demo users and clients without starting Keycloak.
 */
class KeycloakRealmFileTest {

    private static final Path REALM_FILE = Path.of("keycloak/cultivate-realm.json");

    private static final Set<String> GROUPS = Set.of("conduct-committee", "grants-committee", "selection-committee",
            "mentors", "finance", "coordinators", "camunda-admin");

    /** DESIGN.md, "Demo users": user name to groups. */
    private static final Map<String, Set<String>> DEMO_USERS = Map.ofEntries(
            Map.entry("demo", Set.of("camunda-admin", "coordinators")),
            Map.entry("alice", Set.of("conduct-committee")),
            Map.entry("bob", Set.of("conduct-committee")),
            Map.entry("chidi", Set.of("conduct-committee")),
            Map.entry("dana", Set.of("grants-committee")),
            Map.entry("milan", Set.of("grants-committee")),
            Map.entry("noor", Set.of("grants-committee")),
            Map.entry("eve", Set.of("selection-committee")),
            Map.entry("kofi", Set.of("selection-committee")),
            Map.entry("lena", Set.of("selection-committee")),
            Map.entry("femi", Set.of("mentors")),
            Map.entry("ines", Set.of("mentors")),
            Map.entry("jun", Set.of("mentors")),
            Map.entry("hiro", Set.of("finance")),
            Map.entry("gita", Set.of("coordinators")));

    private static JsonNode realm;

    @BeforeAll
    static void readRealm() throws IOException {
        realm = new ObjectMapper().readTree(REALM_FILE.toFile());
    }

    @Test
    void isTheEnabledCultivateRealm() {
        assertThat(realm.path("realm").asText()).isEqualTo("cultivate");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void holdsTheSixGroupsAtTopLevel() {
        assertThat(elements(realm.path("groups"))).extracting(group -> group.path("name").asText())
                .containsExactlyInAnyOrderElementsOf(GROUPS);
        assertThat(elements(realm.path("groups"))).allSatisfy(group ->
                assertThat(group.path("path").asText()).isEqualTo("/" + group.path("name").asText()));
    }

    @Test
    void holdsTheDemoUsersInTheirGroups() {
        assertThat(memberships()).isEqualTo(new TreeMap<>(DEMO_USERS));
    }

    @Test
    void demoUsersCanSignInWithTheirUserNameAsPassword() {
        assertThat(people()).hasSize(DEMO_USERS.size()).allSatisfy(user -> {
            String name = user.path("username").asText();
            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(user.path("email").asText()).as(name).isEqualTo(name + "@cultivate.test");
            assertThat(user.path("emailVerified").asBoolean()).as(name).isTrue();
            assertThat(user.path("firstName").asText()).as(name).isNotBlank();
            assertThat(user.path("lastName").asText()).as(name).isNotBlank();
            // a temporary password would force a password change at the first sign-in, also in scripts
            assertThat(elements(user.path("credentials"))).as(name).anySatisfy(credential -> {
                assertThat(credential.path("type").asText()).isEqualTo("password");
                assertThat(credential.path("value").asText()).isEqualTo(name);
                assertThat(credential.path("temporary").asBoolean(true)).isFalse();
            });
        });
    }

    @Test
    void matchesTheLocalDemoUsersAndGroups() {
        // DESIGN.md: the realm holds the same users and groups as the default profile
        assertThat(DemoUsers.ALL).extracting(DemoUsers.DemoUser::id).containsExactlyInAnyOrderElementsOf(DEMO_USERS.keySet());
        assertThat(DemoUsers.ALL).allSatisfy(local -> {
            assertThat(Set.copyOf(local.groups())).as(local.id()).isEqualTo(DEMO_USERS.get(local.id()));
            JsonNode user = user(local.id());
            assertThat(user.path("firstName").asText()).isEqualTo(local.firstName());
            assertThat(user.path("lastName").asText()).isEqualTo(local.lastName());
            assertThat(user.path("email").asText()).isEqualTo(local.email());
        });
        assertThat(Groups.ALL).extracting(Groups.Group::id).containsExactlyInAnyOrderElementsOf(GROUPS);
    }

    @Test
    void cultivateIsAConfidentialClientForTheBrowserFlow() {
        JsonNode cultivate = client("cultivate");
        assertThat(cultivate.path("enabled").asBoolean(true)).isTrue();
        assertThat(cultivate.path("protocol").asText("openid-connect")).isEqualTo("openid-connect");
        assertThat(cultivate.path("publicClient").asBoolean(true)).isFalse();
        assertThat(cultivate.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(cultivate.path("secret").asText()).isNotBlank();
        // exactly Spring Security's login callback: a wildcard would let a crafted link receive codes
        assertThat(elements(cultivate.path("redirectUris"))).extracting(JsonNode::asText)
                .containsExactly("http://localhost:8080/login/oauth2/code/keycloak");
    }

    @Test
    void cultivatesServiceAccountMayOnlyReadUsersAndGroups() {
        assertThat(client("cultivate").path("serviceAccountsEnabled").asBoolean()).isTrue();
        List<JsonNode> accounts = elements(realm.path("users")).stream()
                .filter(user -> user.path("serviceAccountClientId").asText().equals("cultivate")).toList();
        assertThat(accounts).hasSize(1);
        assertThat(elements(accounts.get(0).path("clientRoles").path("realm-management"))).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("view-users", "query-users", "query-groups");
        assertThat(accounts.get(0).path("realmRoles").isMissingNode()).isTrue();
    }

    @Test
    void cultivateCliIsAPublicClientWithThePasswordGrant() {
        JsonNode cli = client("cultivate-cli");
        assertThat(cli.path("enabled").asBoolean(true)).isTrue();
        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
    }

    @Test
    void bothClientsPutTheGroupNamesIntoEveryToken() {
        for (String clientId : List.of("cultivate", "cultivate-cli")) {
            assertThat(mappers(clientId)).as(clientId).anySatisfy(mapper -> {
                assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-group-membership-mapper");
                JsonNode config = mapper.path("config");
                assertThat(config.path("claim.name").asText()).isEqualTo("groups");
                // Camunda group ids have no leading slash
                assertThat(config.path("full.path").asText()).isEqualTo("false");
                assertThat(config.path("id.token.claim").asText()).isEqualTo("true");
                assertThat(config.path("access.token.claim").asText()).isEqualTo("true");
                assertThat(config.path("userinfo.token.claim").asText()).isEqualTo("true");
            });
        }
    }

    @Test
    void bothClientsIssueAccessTokensForTheCultivateAudience() {
        for (String clientId : List.of("cultivate", "cultivate-cli")) {
            assertThat(mappers(clientId)).as(clientId).anySatisfy(mapper -> {
                assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
                assertThat(mapper.path("config").path("included.client.audience").asText()).isEqualTo("cultivate");
                assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
            });
        }
    }

    @Test
    void clientDescriptionsFitKeycloaksColumn() {
        // Keycloak stores a client's description in 255 characters; a longer one aborts the whole import
        assertThat(elements(realm.path("clients"))).allSatisfy(client ->
                assertThat(client.path("description").asText()).as(client.path("clientId").asText()).hasSizeLessThanOrEqualTo(255));
    }

    /** User name to group names, as Keycloak will have them after the import. */
    private static Map<String, Set<String>> memberships() {
        return people().stream().collect(Collectors.toMap(
                user -> user.path("username").asText(),
                user -> elements(user.path("groups")).stream()
                        .map(group -> group.asText().replaceFirst("^/", ""))
                        .collect(Collectors.toCollection(TreeSet::new)),
                (first, second) -> {
                    throw new AssertionError("a user name is listed twice");
                },
                TreeMap::new));
    }

    /** The realm's people: its users but the clients' service accounts. */
    private static List<JsonNode> people() {
        return elements(realm.path("users")).stream().filter(user -> !user.has("serviceAccountClientId")).toList();
    }

    private static JsonNode user(String username) {
        List<JsonNode> matches = people().stream()
                .filter(user -> user.path("username").asText().equals(username)).toList();
        assertThat(matches).as("user " + username).hasSize(1);
        return matches.get(0);
    }

    private static JsonNode client(String clientId) {
        List<JsonNode> matches = elements(realm.path("clients")).stream()
                .filter(client -> client.path("clientId").asText().equals(clientId)).toList();
        assertThat(matches).as("client " + clientId).hasSize(1);
        return matches.get(0);
    }

    /** The client's own mappers and those of the realm's client scopes it has by default. */
    private static List<JsonNode> mappers(String clientId) {
        JsonNode client = client(clientId);
        Set<String> defaultScopes = elements(client.path("defaultClientScopes")).stream().map(JsonNode::asText)
                .collect(Collectors.toSet());
        List<JsonNode> fromScopes = elements(realm.path("clientScopes")).stream()
                .filter(scope -> defaultScopes.contains(scope.path("name").asText()))
                .flatMap(scope -> elements(scope.path("protocolMappers")).stream())
                .toList();
        return Stream.concat(elements(client.path("protocolMappers")).stream(), fromScopes.stream()).toList();
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
