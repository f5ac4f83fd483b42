package org.cultivate.identity;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.cultivate.identity.DemoUsers.DemoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * Local users and groups at start-up, before the server takes requests: the groups of DESIGN.md,
 * the base authorizations every installation needs, and either the demo users (default profile
 * only) or a first administrator from {@code CULTIVATE_ADMIN_USER}/{@code CULTIVATE_ADMIN_PASSWORD}.
 * Outside the default profile, it refuses to start while any account has a demo password. In the
 * keycloak profile, users and groups are Keycloak's: only the authorizations are created.
 */
@Component
class IdentityBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final boolean defaultProfile;
    private final boolean localAccounts;
    private final String adminUser;
    private final String adminPassword;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService, Environment environment,
            @Value("${cultivate.admin.user}") String adminUser, @Value("${cultivate.admin.password}") String adminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.defaultProfile = environment.getActiveProfiles().length == 0;
        this.localAccounts = !environment.acceptsProfiles(Profiles.of("keycloak"));
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterPropertiesSet() {
        if (!localAccounts) {
            // users and groups live in Keycloak (read-only to the engine); authorizations stay here
            grantBaseAuthorizations();
            return;
        }
        Groups.ALL.forEach(this::ensureGroup);
        grantBaseAuthorizations();
        if (defaultProfile) {
            DemoUsers.ALL.forEach(this::ensureDemoUser);
            log.warn("Default profile: demo users {} exist, each with their user name as password. Never expose this server.",
                    DemoUsers.ALL.stream().map(DemoUser::id).toList());
        } else {
            refuseDemoPasswords();
            ensureFirstAdministrator();
        }
    }

    private void ensureGroup(Groups.Group group) {
        if (identityService.createGroupQuery().groupId(group.id()).count() == 0) {
            var created = identityService.newGroup(group.id());
            created.setName(group.name());
            created.setType(group.id().equals(Groups.ADMINS) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(created);
        }
    }

    private void grantBaseAuthorizations() {
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
        }
        // their Tasklist filters are tasklist.TasklistFilterBootstrap's
        for (String group : Groups.CASE_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        grant(Groups.COORDINATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.COORDINATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(Groups.COORDINATORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.COORDINATORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // coordinators deploy new versions of the flows (modeler); a deployment holds no case data
        grant(Groups.COORDINATORS, Resources.DEPLOYMENT, ANY, Permissions.CREATE);
        // and move running cases onto a new version (modeler); the engine checks it on both versions
        grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    }

    /** Adds the permission to the group's grant on the resource, creating the grant if there is none (one per resource). */
    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    private void ensureDemoUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.email());
            user.setPassword(demo.id());
            identityService.saveUser(user);
        }
        for (String group : demo.groups()) {
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                identityService.createMembership(demo.id(), group);
            }
        }
    }

    private void refuseDemoPasswords() {
        for (DemoUser demo : DemoUsers.ALL) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0
                    && identityService.checkPassword(demo.id(), demo.id())) {
                throw new IllegalStateException("Refusing to start: user '" + demo.id()
                        + "' still has the demo password. Change it or delete the user (default profile only allows demo passwords).");
            }
        }
    }

    private void ensureFirstAdministrator() {
        boolean hasAdmin = identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0;
        if (hasAdmin || adminUser.isBlank()) {
            if (!hasAdmin) {
                log.warn("No administrator exists: set CULTIVATE_ADMIN_USER and CULTIVATE_ADMIN_PASSWORD to create the first one");
            }
            return;
        }
        if (adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH || adminPassword.equalsIgnoreCase(adminUser)
                || Set.of("demo", "admin", "password", "changeme", "cultivate").contains(adminPassword.toLowerCase())) {
            throw new IllegalStateException("Refusing to start: CULTIVATE_ADMIN_PASSWORD must have at least "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters and must not be a demo password");
        }
        User admin = identityService.newUser(adminUser);
        admin.setFirstName("Administrator");
        admin.setLastName(adminUser);
        admin.setPassword(adminPassword);
        identityService.saveUser(admin);
        identityService.createMembership(adminUser, Groups.ADMINS);
        log.info("Created the first administrator '{}'", adminUser);
    }
}
