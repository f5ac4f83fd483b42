package org.cultivate.notify;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void escapesUserContentInTheHtmlPartOnly() {
        var rendered = templates.render("test-greeting", Map.of("name", "<b>Ana</b> & co", "reference", "CI-1"));

        assertThat(rendered.html()).contains("Dear &lt;b&gt;Ana&lt;/b&gt; &amp; co, your case CI-1.").doesNotContain("<b>");
        assertThat(rendered.text()).isEqualTo("Dear <b>Ana</b> & co,\nyour case CI-1.\n");
    }

    @Test
    void aSubjectCannotCarryExtraHeaders() {
        var rendered = templates.render("test-greeting", Map.of("name", "Ana\r\nBcc: everyone@example.org", "reference", "CI-1"));

        assertThat(rendered.subject()).isEqualTo("Hello Ana Bcc: everyone@example.org").doesNotContain("\n", "\r");
    }

    @Test
    void aMissingValueIsAnErrorNotABlank() {
        assertThatThrownBy(() -> templates.render("test-greeting", Map.of("reference", "CI-1")))
                .hasMessageContaining("'name'");
        assertThatThrownBy(() -> templates.render("no-such-template", Map.of())).hasMessageContaining("no-such-template");
    }

    @Test
    void theShippedTemplatesRenderWithWhatTheirTasksPass() {
        var model = Map.of("reference", "CI-7K3M9QXA", "portalUrl", "http://localhost:8080/portal",
                "tasklistUrl", "http://localhost:8080/camunda/app/tasklist/");
        for (String template : new String[] {"report-acknowledged", "committee-alert"}) {
            var rendered = templates.render(template, model);
            assertThat(rendered.subject()).contains("CI-7K3M9QXA");
            assertThat(rendered.text()).contains("CI-7K3M9QXA");
            assertThat(rendered.html()).contains("CI-7K3M9QXA").startsWith("<!DOCTYPE html>");
        }
    }
}
