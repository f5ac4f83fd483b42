package org.cultivate.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
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

    @Test
    void aTemplateInTheRecipientsLanguageIsUsedWhenThereIsOneAndEnglishOtherwise() {
        Map<String, Object> model = Map.of("reference", "CI-1", "trackingCode", "a-fresh-tracking-code",
                "portalUrl", "http://localhost:8080/portal");

        assertThat(templates.render("report-acknowledged", "es", model).subject()).isEqualTo("Hemos recibido tu denuncia (CI-1)");
        assertThat(templates.render("report-acknowledged", "es", model).html()).contains("lang=\"es\"", "a-fresh-tracking-code");
        assertThat(templates.render("report-acknowledged", "fr", model).subject()).isEqualTo("We have received your report (CI-1)");
        assertThat(templates.render("report-acknowledged", null, model).subject()).isEqualTo("We have received your report (CI-1)");
        assertThat(templates.render("report-acknowledged", "../mail/report-acknowledged", model).subject())
                .isEqualTo("We have received your report (CI-1)");
    }

    /** A translation asks for the same values as its English template, so it never fails where English works. */
    @Test
    void everyTranslatedTemplateNeedsTheSameValuesAsItsEnglishOne() throws IOException {
        Path mail = Path.of("src/main/resources/mail");
        int translations = 0;
        try (Stream<Path> files = Files.list(mail)) {
            for (Path translated : files.filter(file -> file.getFileName().toString().matches("[a-z-]+\\.[a-z]{2,3}\\.(txt|html)")).toList()) {
                String name = translated.getFileName().toString();
                Path english = mail.resolve(name.replaceFirst("\\.[a-z]{2,3}\\.", "."));
                assertThat(placeholders(translated)).as(name).isEqualTo(placeholders(english));
                translations++;
            }
        }
        assertThat(translations).isGreaterThanOrEqualTo(4);
    }

    private static Set<String> placeholders(Path template) throws IOException {
        var names = new TreeSet<String>();
        Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}").matcher(Files.readString(template))
                .results().forEach(match -> names.add(match.group(1)));
        return names;
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
