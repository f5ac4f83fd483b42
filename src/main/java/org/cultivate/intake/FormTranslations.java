package org.cultivate.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * {@code forms/i18n/FORMID.LANGUAGE.json}: a form's texts in another language, keyed by component
 * id, for the portal to show. Values and the checks of a submission stay those of the form. Who may
 * read which form's translation is the caller's to decide: the public start forms' for anyone, a
 * holder task's only with that task.
 */
@Component
class FormTranslations {

    private final ObjectMapper objectMapper;

    FormTranslations(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    Optional<JsonNode> of(String formId, String language) {
        // only a form id and a language tag reach the class path, never a path
        if (formId == null || !formId.matches("[A-Za-z0-9_-]+") || !language.matches("[a-z]{2,3}")) {
            return Optional.empty();
        }
        var resource = new ClassPathResource("forms/i18n/" + formId + "." + language + ".json");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(objectMapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the translation " + resource.getPath(), e);
        }
    }
}
