package org.cultivate.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail templates in {@code src/main/resources/mail/}: {@code NAME.txt} (first line
 * {@code Subject: …}, then the plain-text body) and {@code NAME.html}. Placeholders are
 * {@code {{name}}}; values are HTML-escaped in the HTML part, and line breaks are removed from
 * the subject so nobody can add headers. A placeholder without a value is an error, not a blank.
 * A template may come in other languages as {@code NAME.LANGUAGE.txt} and {@code NAME.LANGUAGE.html}
 * (such as {@code report-acknowledged.es.txt}); without one, the mail is in English.
 */
@Component
class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final String SUBJECT = "Subject:";

    private final Map<String, String> sources = new ConcurrentHashMap<>();

    record Rendered(String subject, String text, String html) {
    }

    Rendered render(String template, String language, Map<String, ?> model) {
        String localized = language != null && language.matches("[a-z]{2,3}") && exists(template + "." + language + ".txt")
                ? template + "." + language : template;
        return render(localized, model);
    }

    Rendered render(String template, Map<String, ?> model) {
        String textSource = source(template + ".txt");
        int firstLineEnd = textSource.indexOf('\n');
        String subjectLine = firstLineEnd < 0 ? textSource : textSource.substring(0, firstLineEnd);
        if (!subjectLine.startsWith(SUBJECT)) {
            throw new IllegalStateException("mail/" + template + ".txt must start with a 'Subject:' line");
        }
        String subject = fill(subjectLine.substring(SUBJECT.length()).trim(), model, false).replaceAll("[\\r\\n]+", " ");
        String text = fill(textSource.substring(firstLineEnd + 1).stripLeading(), model, false);
        String html = fill(source(template + ".html"), model, true);
        return new Rendered(subject, text, html);
    }

    private boolean exists(String name) {
        return sources.containsKey(name) || new ClassPathResource("mail/" + name).exists();
    }

    private String source(String name) {
        return sources.computeIfAbsent(name, key -> {
            var resource = new ClassPathResource("mail/" + key);
            if (!resource.exists()) {
                throw new IllegalArgumentException("no mail template mail/" + key);
            }
            try (InputStream in = resource.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String fill(String source, Map<String, ?> model, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(source);
        var out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!model.containsKey(name) || model.get(name) == null) {
                throw new IllegalArgumentException("the mail template needs a value for '" + name + "'");
            }
            String value = String.valueOf(model.get(name));
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value, "UTF-8") : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
