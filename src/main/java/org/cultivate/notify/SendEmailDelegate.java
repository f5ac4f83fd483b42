package org.cultivate.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.cultivate.intake.CaseTracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one delegate that sends e-mail, {@code ${sendEmailDelegate}}. Its service task must be
 * {@code camunda:asyncBefore} with a retry cycle, so a mail server outage becomes retried jobs and
 * finally an incident, never a lost mail. Input parameters of the task:
 * <ul>
 * <li>{@code template}: a template in {@code mail/} (required);</li>
 * <li>{@code to}: one address, or {@code toUser}: users by id, comma-separated, each at the address of
 * their account (a mentor; the reviewers who have not reviewed yet, perhaps none), or {@code toGroup}:
 * one or more groups, comma-separated, whose members each get their own mail (once, if they are in several);</li>
 * <li>{@code event} (optional): what the mail is about, for its Message-ID; the task's id by default;</li>
 * <li>{@code issueTrackingCode} (optional): a holder name such as {@code respondent}; a new tracking
 * code of the case for that holder is issued and given to the template as {@code trackingCode}.
 * Only its hash is stored, so the mail is the one place the code exists;</li>
 * <li>{@code language} (optional): the recipient's language, such as the case's {@code ${language}};
 * the template in that language is used when there is one, English otherwise;</li>
 * <li>any other parameter: a value for the template. The template sees only these, the case's
 * {@code reference}, {@code portalUrl} and {@code tasklistUrl}: what the BPMN does not pass, no mail can leak.</li>
 * </ul>
 */
@Component("sendEmailDelegate")
class SendEmailDelegate implements JavaDelegate {

    static final String TEMPLATE = "template";
    static final String TO = "to";
    static final String TO_USER = "toUser";
    static final String TO_GROUP = "toGroup";
    static final String EVENT = "event";
    static final String ISSUE_TRACKING_CODE = "issueTrackingCode";
    static final String LANGUAGE = "language";
    private static final Set<String> CONTROL = Set.of(TEMPLATE, TO, TO_USER, TO_GROUP, EVENT, ISSUE_TRACKING_CODE, LANGUAGE);
    private static final Logger log = LoggerFactory.getLogger(SendEmailDelegate.class);

    private final MailTemplates templates;
    private final MailTransport transport;
    private final IdentityService identityService;
    private final CaseTracking caseTracking;
    private final String portalUrl;
    private final String tasklistUrl;
    private final String messageIdDomain;

    SendEmailDelegate(MailTemplates templates, MailTransport transport, IdentityService identityService, CaseTracking caseTracking,
            @Value("${cultivate.public-url}") String publicUrl, @Value("${cultivate.mail.from}") String from) {
        this.caseTracking = caseTracking;
        this.templates = templates;
        this.transport = transport;
        this.identityService = identityService;
        String base = publicUrl.replaceAll("/+$", "");
        this.portalUrl = base + "/portal";
        this.tasklistUrl = base + "/camunda/app/tasklist/";
        this.messageIdDomain = domainOf(from);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal(TEMPLATE);
        if (template == null) {
            throw new IllegalStateException("the mail task " + execution.getCurrentActivityId() + " names no template");
        }
        Map<String, Object> model = new HashMap<>();
        execution.getVariablesLocal().forEach((name, value) -> {
            if (!CONTROL.contains(name)) {
                model.put(name, value);
            }
        });
        model.put("reference", execution.getProcessBusinessKey());
        model.put("portalUrl", portalUrl);
        model.put("tasklistUrl", tasklistUrl);
        String holder = (String) execution.getVariableLocal(ISSUE_TRACKING_CODE);
        if (holder != null) {
            model.put("trackingCode", caseTracking.issueCode(execution, holder));
        }
        MailTemplates.Rendered rendered = templates.render(template, (String) execution.getVariableLocal(LANGUAGE), model);

        String event = (String) execution.getVariableLocal(EVENT);
        event = event != null ? event : execution.getCurrentActivityId();
        List<String> recipients = recipients(execution);
        if (recipients.isEmpty()) {
            log.warn("Mail '{}' of case {} has no recipient with an e-mail address", template, execution.getProcessBusinessKey());
        }
        for (String recipient : recipients) {
            String messageId = messageId(execution.getProcessInstanceId(), event, recipient);
            transport.send(new Email(recipient, rendered.subject(), rendered.text(), rendered.html(), messageId));
        }
        // no addresses, no subject: the log must not tell who wrote to whom about what
        log.info("Mail '{}' of case {} sent to {} recipient(s)", template, execution.getProcessBusinessKey(), recipients.size());
    }

    private List<String> recipients(DelegateExecution execution) {
        String to = (String) execution.getVariableLocal(TO);
        if (to != null && !to.isBlank()) {
            return List.of(to);
        }
        String userIds = (String) execution.getVariableLocal(TO_USER);
        if (userIds != null) {
            // possibly nobody: a reminder of those who have not answered yet, when all have
            return addressesOf(userIds, userId -> identityService.createUserQuery().userId(userId).list());
        }
        String groups = (String) execution.getVariableLocal(TO_GROUP);
        if (groups == null || groups.isBlank()) {
            throw new IllegalStateException("the mail task " + execution.getCurrentActivityId() + " has neither 'to', 'toUser' nor 'toGroup'");
        }
        return addressesOf(groups, group -> identityService.createUserQuery().memberOfGroup(group).list());
    }

    /** The addresses of the users each of the comma-separated names stands for, each once, in order. */
    private static List<String> addressesOf(String names, Function<String, List<User>> users) {
        var addresses = new TreeSet<String>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                users.apply(name.trim()).stream()
                        .map(User::getEmail)
                        .filter(email -> email != null && !email.isBlank())
                        .forEach(addresses::add);
            }
        }
        return List.copyOf(addresses);
    }

    /** The same case, event and recipient always give the same Message-ID, so a retried send is a recognisable duplicate. */
    String messageId(String caseId, String event, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caseId + '\n' + event + '\n' + recipient).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String domainOf(String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "cultivate.local" : from.substring(at + 1).replaceAll("[>\\s]", "");
        return domain.isEmpty() ? "cultivate.local" : domain;
    }
}
