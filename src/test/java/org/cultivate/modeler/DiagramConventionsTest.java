package org.cultivate.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cultivate's conventions as the server checks them before a deployment. */
class DiagramConventionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Activity_0abc123", "Flow_1x2y3z4", "Gateway_0k2x9ab", "StartEvent_1", "Process_1", "Task_1", "SequenceFlow_0h21x7r"})
    void recognisesIdsThatModelersGenerate(String id) {
        assertThat(DiagramConventions.isGenerated(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UserTask_TriageReport", "Flow_Severity_Critical", "Timer_AckDeadline", "conduct-incident", "Gateway_Emergency", "Flow_Vote_Retry"})
    void acceptsIdsThatSayWhatTheElementIs(String id) {
        assertThat(DiagramConventions.isGenerated(id)).isFalse();
    }

    @Test
    void everyDiagramInTheRepositoryKeepsTheConventions() throws IOException {
        Set<String> formIds = formIds();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Path> diagrams = files.toList();
            assertThat(diagrams).isNotEmpty();
            for (Path diagram : diagrams) {
                var problems = diagram.toString().endsWith(".dmn")
                        ? DiagramConventions.check(Dmn.readModelFromFile(diagram.toFile()))
                        : DiagramConventions.check(Bpmn.readModelFromFile(diagram.toFile()), formIds);
                assertThat(problems).as(diagram.toString()).isEmpty();
            }
        }
    }

    @Test
    void aStartEventOnlyAnotherProcessStartsNeedsNoForm() throws IOException {
        String declaration = Files.readString(Path.of("processes/conflict-declaration.bpmn"));
        String withoutMark = declaration.replace("<camunda:property name=\"called\" value=\"true\" />", "");

        var problems = DiagramConventions.check(Bpmn.readModelFromStream(
                new ByteArrayInputStream(withoutMark.getBytes(StandardCharsets.UTF_8))), formIds());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("StartEvent_DeclarationAsked");
            assertThat(problem.message()).contains("needs a form");
        });
    }

    private static Set<String> formIds() throws IOException {
        var json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            return forms.filter(form -> form.toString().endsWith(".form")).map(form -> {
                try {
                    return json.readTree(form.toFile()).path("id").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(form.toString(), e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
