package org.cultivate.portal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cultivate.system.DefaultProfileTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's pages and the public endpoints they read, over plain HTTP. */
@DefaultProfileTest
class PortalPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"/portal", "/portal/", "/portal/forms/incident-report", "/portal/track",
            "/portal/track/SomeCodeThatNobodyHas", "/portal/transparency", "/portal/grants"})
    void everyPageIsPlainHtmlWithItsScriptAndAStrictContentSecurityPolicy(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getBody()).contains("<html lang=", "src=\"/portal/app.js\"", "class=\"skip-link\"")
                .doesNotContain("<script>", "<style", "style=\"", "http://", "https://");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theBundlesAreServedFromTheJar() {
        assertThat(http.getForEntity("/portal/app.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/portal/app.css", String.class).getBody()).contains(".fjs-container");
    }

    @Test
    void aPublicFormIsServedAsDeployed() {
        JsonNode form = http.getForObject("/api/forms/incident-report", JsonNode.class);

        assertThat(form.path("id").asText()).isEqualTo("incident-report");
        assertThat(form.path("components").findValuesAsText("key")).contains("description", "reporterEmail", "language");
        assertThat(http.getForEntity("/api/forms/acknowledge-report", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPublicFormsTranslationIsServedAndNoOtherFormsIs() {
        JsonNode spanish = http.getForObject("/api/forms/incident-report/translations/es", JsonNode.class);

        assertThat(spanish.path("Field_Description").path("label").asText()).isEqualTo("¿Qué pasó?");
        assertThat(http.getForEntity("/api/forms/incident-report/translations/fr", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/forms/incident-report/translations/..%2Fincident-report", String.class).getStatusCode())
                .isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
        // a holder task's form is no public form: its texts come only with the task, to its holder
        assertThat(http.getForEntity("/api/forms/answer-question/translations/es", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyTranslationIsKeyedByTheIdsOfItsForm() throws IOException {
        Resource[] translations = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/i18n/*.json");

        assertThat(translations).hasSizeGreaterThanOrEqualTo(3);
        for (Resource translation : translations) {
            String formId = translation.getFilename().replaceFirst("\\.[a-z]{2,3}\\.json$", "");
            JsonNode form = readTree(new ClassPathResource("forms/" + formId + ".form"));
            assertThat(form.path("components").findValuesAsText("id")).as(translation.getFilename())
                    .containsAll(() -> readTree(translation).fieldNames());
        }
    }

    private static JsonNode readTree(Resource resource) {
        try (var in = resource.getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
