package org.cultivate.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be started on machines without Docker, so this reads it and checks
 * that it wires the services the way application.yml and the Dockerfile expect.
 */
class DockerComposeTest {

    private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
    private static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");
    private static final Path KEYCLOAK_DIR = Path.of("keycloak");

    /** Placeholders with a sensible default that an installation may leave unset. */
    private static final Set<String> OPTIONAL_VARIABLES = Set.of("SERVER_PORT", "POSTGRES_POOL_SIZE", "CULTIVATE_ACCESS_LOG_RETENTION");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final int MAILPIT_SMTP_PORT = 1025;
    private static final int SERVER_PORT = 8080;

    private static Map<String, Object> services;

    /** One {@code ports:} entry, {@code [ip:]published:container}. */
    record PortMapping(int published, int container) {
        static PortMapping parse(Object entry) {
            String[] parts = String.valueOf(entry).split("/")[0].split(":");
            int container = Integer.parseInt(parts[parts.length - 1]);
            int published = parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : container;
            return new PortMapping(published, container);
        }
    }

    @BeforeAll
    static void readComposeFile() throws IOException {
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(COMPOSE_FILE));
        services = map(compose.get("services"));
    }

    @Test
    void definesTheFourServices() {
        assertThat(services).containsKeys("postgres", "mailpit", "keycloak", "cultivate");
    }

    @Test
    void postgresIsVersion16() {
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
    }

    @Test
    void keycloakIs26AndImportsTheRealmFolder() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).matches("quay\\.io/keycloak/keycloak:26(\\.\\d+)*");
        assertThat(words(keycloak.get("command"))).contains("start-dev", "--import-realm");
        assertThat(list(keycloak.get("volumes"))).map(String::valueOf)
                .anySatisfy(volume -> assertThat(volume).matches("\\./keycloak:/opt/keycloak/data/import(:ro)?"));
    }

    @Test
    void cultivateActivatesThePostgresAndKeycloakProfiles() {
        assertThat(environment("cultivate").get("SPRING_PROFILES_ACTIVE").split(","))
                .extracting(String::trim).contains("postgres", "keycloak");
    }

    @Test
    void cultivateSetsEveryVariableApplicationYmlRequires() throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(APPLICATION_YML));
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        required.removeAll(OPTIONAL_VARIABLES);
        // local accounts only: with the keycloak profile, users and administrators live in Keycloak
        required.removeAll(Set.of("CULTIVATE_ADMIN_USER", "CULTIVATE_ADMIN_PASSWORD"));

        // guards the regex: an empty set would let every compose file pass
        assertThat(required).contains("POSTGRES_URL", "POSTGRES_USER", "POSTGRES_PASSWORD",
                "MAIL_HOST", "MAIL_PORT", "MAIL_FROM", "CULTIVATE_PUBLIC_URL", "KEYCLOAK_URL", "KEYCLOAK_CLIENT_SECRET");
        Map<String, String> environment = environment("cultivate");
        assertThat(environment).containsKeys(required.toArray(String[]::new));
        assertThat(required).allSatisfy(name -> assertThat(environment.get(name)).as(name).isNotBlank());
    }

    @Test
    void theDemoRealmsPublicSecretIsAllowedOnlyAsADemonstration() {
        // the server refuses the demo secret unless told this is a demonstration; users can override both
        assertThat(environment("cultivate").get("KEYCLOAK_CLIENT_SECRET")).isEqualTo("${KEYCLOAK_CLIENT_SECRET:-cultivate-demo-secret}");
        assertThat(environment("cultivate").get("CULTIVATE_ALLOW_DEMO_REALM")).isEqualTo("${CULTIVATE_ALLOW_DEMO_REALM:-true}");
        assertThat(environment("cultivate").get("KEYCLOAK_PUBLIC_URL")).isEqualTo("http://localhost:8180");
    }

    @Test
    void mailGoesToMailpitSmtpPort() {
        Map<String, String> environment = environment("cultivate");
        assertThat(services).containsKey(environment.get("MAIL_HOST"));
        assertThat(environment.get("MAIL_HOST")).isEqualTo("mailpit");
        assertThat(environment.get("MAIL_PORT")).isEqualTo(String.valueOf(MAILPIT_SMTP_PORT));
        assertThat(ports("mailpit")).extracting(PortMapping::container).contains(MAILPIT_SMTP_PORT);
    }

    @Test
    void databaseUrlPointsAtThePostgresServiceAndItsDatabase() {
        Map<String, String> cultivate = environment("cultivate");
        Map<String, String> postgres = environment("postgres");
        URI url = URI.create(cultivate.get("POSTGRES_URL").replaceFirst("^jdbc:", ""));

        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(services).containsKey(url.getHost());
        assertThat(url.getHost()).isEqualTo("postgres");
        assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(cultivate.get("POSTGRES_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(cultivate.get("POSTGRES_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void cultivateIsPublishedOnPort8080() {
        assertThat(ports("cultivate")).contains(new PortMapping(SERVER_PORT, SERVER_PORT));
    }

    @Test
    void cultivateWaitsForHealthyDependenciesThatHaveAHealthcheck() {
        Map<String, Object> dependsOn = map(service("cultivate").get("depends_on"));
        assertThat(dependsOn).containsKeys("postgres", "mailpit", "keycloak");
        dependsOn.forEach((name, condition) -> {
            assertThat(map(condition).get("condition")).as(name).isEqualTo("service_healthy");
            // service_healthy on a service without a healthcheck never comes true
            assertThat(service(name)).as(name).containsKey("healthcheck");
        });
    }

    @Test
    void cultivateHealthcheckProbesReadiness() {
        Map<String, Object> healthcheck = map(service("cultivate").get("healthcheck"));
        assertThat(String.join(" ", words(healthcheck.get("test")))).contains("/actuator/health/readiness");
    }

    @Test
    void keycloakFolderHoldsOnlyRealmExportsNamedAfterTheirRealm() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(KEYCLOAK_DIR)) {
            files = listing.toList();
        }
        assertThat(files).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            assertThat(file).isRegularFile();
            String name = file.getFileName().toString();
            assertThat(name).matches("[a-z0-9][a-z0-9-]*-realm\\.json");
            String realm = json.readTree(file.toFile()).path("realm").asText();
            assertThat(name).isEqualTo(realm + "-realm.json");
        }
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    /** A service's {@code environment:}, written either as a map or as a list of NAME=value. */
    private static Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> values.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String[] nameAndValue = String.valueOf(entry).split("=", 2);
                values.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : null);
            }
        }
        return values;
    }

    private static List<PortMapping> ports(String serviceName) {
        return list(service(serviceName).get("ports")).stream().map(PortMapping::parse).toList();
    }

    /** A compose command or test, given either as one string or as a list. */
    private static List<String> words(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return Arrays.asList(String.valueOf(value).trim().split("\\s+"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
