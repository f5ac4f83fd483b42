package org.cultivate.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Which of some cases a member is recused from, for a view outside the engine that lists cases by
 * reference (a grantee's history): the case's own revoke (see {@link CaseAuthorizations#revokeCase})
 * stays with its history, so a recusal still holds after the case has ended.
 */
@Component
public class Recusals {

    private final HistoryService historyService;
    private final AuthorizationService authorizationService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    Recusals(HistoryService historyService, AuthorizationService authorizationService, ProcessEngineConfigurationImpl engineConfiguration) {
        this.historyService = historyService;
        this.authorizationService = authorizationService;
        this.engineConfiguration = engineConfiguration;
    }

    /** The references, among {@code references}, of the cases {@code userId} is recused from. */
    public Set<String> recusedFrom(String userId, Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        // the member may read neither the cases nor their authorizations: the engine answers this, not the member
        return engineConfiguration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            Map<String, String> referenceById = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKeyIn(references.toArray(String[]::new)).rootProcessInstances().list().stream()
                    .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
            if (referenceById.isEmpty()) {
                return Set.<String>of();
            }
            // a member is recused from few cases: their revokes, matched here
            return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).userIdIn(userId)
                    .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).list().stream()
                    .map(authorization -> referenceById.get(authorization.getResourceId())).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
        }));
    }
}
