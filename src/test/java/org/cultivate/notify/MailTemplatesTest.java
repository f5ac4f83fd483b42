package org.cultivate.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

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

    /** Every mail task of every BPMN passes what its template needs, so no mail fails at run time for a missing value. */
    @Test
    void everyMailTaskPassesWhatItsTemplateNeeds() throws IOException {
        int mailTasks = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path bpmn : files.filter(file -> file.toString().endsWith(".bpmn")).toList()) {
                for (ServiceTask task : Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(ServiceTask.class)) {
                    if (!"${sendEmailDelegate}".equals(task.getCamundaDelegateExpression())) {
                        continue;
                    }
                    var model = new HashMap<String, Object>(Map.of("reference", "CI-7K3M9QXA",
                            "portalUrl", "http://localhost:8080/portal", "tasklistUrl", "http://localhost:8080/camunda/app/tasklist/"));
                    String template = null;
                    for (CamundaInputParameter parameter : task.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaInputOutput.class).singleResult().getCamundaInputParameters()) {
                        model.put(parameter.getCamundaName(), "value of " + parameter.getCamundaName());
                        if (parameter.getCamundaName().equals("template")) {
                            template = parameter.getTextContent();
                        }
                        if (parameter.getCamundaName().equals(SendEmailDelegate.ISSUE_TRACKING_CODE)) {
                            model.put("trackingCode", "a-fresh-tracking-code");
                        }
                    }
                    var rendered = templates.render(template, model);
                    assertThat(rendered.subject()).as(task.getId()).isNotBlank();
                    assertThat(rendered.html()).as(task.getId()).startsWith("<!DOCTYPE html>");
                    mailTasks++;
                }
            }
        }
        assertThat(mailTasks).isGreaterThanOrEqualTo(5);
    }
}
