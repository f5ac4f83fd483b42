package org.cultivate.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Makes the engine read users and groups from Keycloak (keycloak profile) instead of its own tables. */
@Component
@Profile("keycloak")
class KeycloakIdentityPlugin extends AbstractProcessEnginePlugin {

    private final KeycloakDirectory directory;

    KeycloakIdentityPlugin(KeycloakDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new KeycloakIdentityProvider(directory);
            }
        });
    }
}
