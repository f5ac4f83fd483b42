package org.cultivate.identity;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.impl.util.xml.Element;

/** The values of a process's {@code camunda:properties}, as the parse listeners read them. */
final class ProcessProperties {

    private ProcessProperties() {
    }

    /** The comma-separated values of the property {@code name}, trimmed; empty when the process has none. */
    static List<String> values(Element process, String name) {
        Element extensions = process.element("extensionElements");
        Element properties = extensions == null ? null : extensions.element("properties");
        if (properties == null) {
            return List.of();
        }
        return properties.elements("property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .flatMap(property -> Arrays.stream(String.valueOf(property.attribute("value")).split(",")))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
