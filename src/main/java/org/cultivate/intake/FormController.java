package org.cultivate.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.cultivate.intake.IntakeService.Receipt;
import org.cultivate.system.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public form catalogue and submissions: {@code /api/forms}. */
@RestController
@RequestMapping("/api/forms")
class FormController {

    private final IntakeService intake;
    private final FormTranslations translations;
    private final ObjectMapper objectMapper;
    private final int maxBodyBytes;

    FormController(IntakeService intake, FormTranslations translations, ObjectMapper objectMapper,
            @Value("${cultivate.intake.max-body-bytes}") int maxBodyBytes) {
        this.intake = intake;
        this.translations = translations;
        this.objectMapper = objectMapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    record FormEntry(String formId, String title, String processKey) {
    }

    @GetMapping
    List<FormEntry> catalogue() {
        return intake.catalogue().stream()
                .map(form -> new FormEntry(form.formId(), form.title(), form.processKey()))
                .toList();
    }

    /** The form's JSON as deployed with its process: what the portal renders and the submission is checked against. */
    @GetMapping("/{formId}")
    JsonNode form(@PathVariable String formId) {
        return intake.startForm(formId).json();
    }

    /** A public form's texts in another language ({@link FormTranslations}); other forms' only come with their task. */
    @GetMapping("/{formId}/translations/{language}")
    JsonNode translation(@PathVariable String formId, @PathVariable String language) {
        String id = intake.startForm(formId).formId();
        return translations.of(id, language).orElseThrow(() ->
                new ApiProblem(HttpStatus.NOT_FOUND, "No translation", "The form '" + id + "' has no translation into this language."));
    }

    // produces: an Accept that a receipt cannot meet is refused before the case starts, not after (406 with the code lost)
    @PostMapping(path = "/{formId}/submissions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> submit(@PathVariable String formId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletRequest request) throws IOException {
        // no Location header: the tracking code is a secret and should not land in proxies' logs
        return ResponseEntity.status(HttpStatus.CREATED).body(intake.submit(formId, readBody(request), acceptLanguage));
    }

    /** Reads at most the allowed size, whatever the request claims, so an endless body costs nothing. */
    private JsonNode readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException unreadable) {
            // a malformed chunked encoding, say: the client's error, not an incident of ours
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid submission", "The body could not be read: its encoding is malformed.");
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            JsonNode json = objectMapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid submission", "The request has no body.");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid submission", "The body is not valid JSON.");
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "Submission too large",
                "A submission may have at most " + maxBodyBytes / 1024 + " KiB.");
    }
}
