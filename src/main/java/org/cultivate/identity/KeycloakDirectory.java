package org.cultivate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The realm's users, groups and memberships, read from Keycloak's admin API with the server's
 * own client (its service account may view users and groups, nothing more) and kept for
 * {@link #FRESH_FOR}. A volunteer community's realm is small: the whole directory is read at
 * once and queried in memory, instead of translating every engine query into admin API calls.
 */
@Component
@Profile("keycloak")
class KeycloakDirectory {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final int PAGE = 500;

    record Person(String id, String firstName, String lastName, String email) {
    }

    record Team(String id, String name) {
    }

    record Snapshot(List<Person> people, List<Team> teams, Map<String, List<String>> membersByTeam, Instant readAt) {
    }

    private final KeycloakSettings keycloak;
    private final Clock clock;
    private final RestClient http = RestClient.create();
    private volatile Snapshot snapshot;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakDirectory(KeycloakSettings keycloak, Clock clock) {
        this.keycloak = keycloak;
        this.clock = clock;
    }

    Snapshot read() {
        Snapshot current = snapshot;
        if (current == null || current.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private synchronized Snapshot load() {
        List<Person> people = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            JsonNode page = get("/users?briefRepresentation=false&first=" + first + "&max=" + PAGE);
            for (JsonNode user : page) {
                if (user.path("enabled").asBoolean(true) && !user.has("serviceAccountClientId")) {
                    people.add(new Person(user.path("username").asText(), user.path("firstName").asText(null),
                            user.path("lastName").asText(null), user.path("email").asText(null)));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        List<Team> teams = new ArrayList<>();
        Map<String, List<String>> members = new HashMap<>();
        for (JsonNode group : get("/groups?briefRepresentation=true&max=" + PAGE)) {
            String name = group.path("name").asText();
            teams.add(new Team(name, name));
            List<String> usernames = new ArrayList<>();
            get("/groups/" + group.path("id").asText() + "/members?briefRepresentation=true&max=" + PAGE)
                    .forEach(member -> usernames.add(member.path("username").asText()));
            members.put(name, usernames);
        }
        return new Snapshot(List.copyOf(people), List.copyOf(teams), Map.copyOf(members), clock.instant());
    }

    private JsonNode get(String path) {
        return http.get().uri(keycloak.admin(path)).headers(headers -> headers.setBearerAuth(serviceAccountToken()))
                .retrieve().body(JsonNode.class);
    }

    /** A client-credentials token of the server's own client, renewed shortly before it expires. */
    private synchronized String serviceAccountToken() {
        if (token == null || clock.instant().isAfter(tokenExpires)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", keycloak.clientId());
            form.add("client_secret", keycloak.clientSecret());
            JsonNode answer = http.post().uri(keycloak.backchannel("token")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().body(JsonNode.class);
            token = answer.path("access_token").asText();
            tokenExpires = clock.instant().plusSeconds(Math.max(0, answer.path("expires_in").asLong() - 10));
        }
        return token;
    }
}
