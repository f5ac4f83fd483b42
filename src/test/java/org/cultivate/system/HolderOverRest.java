package org.cultivate.system;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The holder of a tracking code at the public API, as the portal's tracking page works it. */
public final class HolderOverRest {

    private final TestRestTemplate http;

    public HolderOverRest(TestRestTemplate http) {
        this.http = http;
    }

    public JsonNode track(String code) {
        return http.getForObject("/api/tracking/" + code, JsonNode.class);
    }

    /**
     * The holder fills in the task waiting with this form, once it waits: only fields the form
     * offers, each starting empty; it shows {@code shown} read-only; with a {@code language}, its
     * texts come translated.
     */
    public void submit(String code, String formId, Map<String, Object> values, Map<String, String> shown, String language) {
        await().atMost(Duration.ofSeconds(30)).until(() -> track(code).path("tasks").findValuesAsText("formId").contains(formId));
        String taskId = null;
        for (JsonNode task : track(code).path("tasks")) {
            if (formId.equals(task.path("formId").asText())) {
                taskId = task.path("id").asText();
            }
        }
        String task = "/api/tracking/" + code + "/tasks/" + taskId;
        var headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        JsonNode form = http.exchange(task, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
        Set<String> offered = new HashSet<>();
        form.path("form").path("components").forEach(component -> {
            if (component.has("key") && !component.path("disabled").asBoolean(false)) {
                offered.add(component.path("key").asText());
            }
        });
        assertThat(offered).containsAll(values.keySet());
        // a field to fill in starts empty, even when the case holds a value under its key (an earlier answer)
        assertThat(form.path("values").fieldNames()).toIterable().as("values of fields to fill in").doesNotContainAnyElementsOf(offered);
        shown.forEach((key, value) -> assertThat(form.path("values").path(key).asText()).as(key).isEqualTo(value));
        if (language != null) {
            assertThat(form.path("translation").size()).as("the form's texts in %s", language).isPositive();
        }
        assertThat(new CommitteeOverRest(http).post(null, task, values, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
