package org.cultivate.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.cultivate.identity.KeycloakDirectory.Person;
import org.cultivate.identity.KeycloakDirectory.Snapshot;
import org.cultivate.identity.KeycloakDirectory.Team;

/**
 * The engine's view of Keycloak's users and groups (keycloak profile), read-only: Admin lists
 * them, Tasklist resolves candidate groups, and the conduct process finds the committee's
 * members here. Passwords are Keycloak's alone, so {@link #checkPassword} always says no.
 */
class KeycloakIdentityProvider implements ReadOnlyIdentityProvider {

    private final KeycloakDirectory directory;

    KeycloakIdentityProvider(KeycloakDirectory directory) {
        this.directory = directory;
    }

    @Override
    public User findUserById(String userId) {
        return createUserQuery().userId(userId).singleResult();
    }

    @Override
    public UserQuery createUserQuery() {
        return new KeycloakUserQuery(directory, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new KeycloakUserQuery(directory, null);
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("Native user queries need the engine's own user tables; users live in Keycloak");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return false;
    }

    @Override
    public Group findGroupById(String groupId) {
        return createGroupQuery().groupId(groupId).singleResult();
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new KeycloakGroupQuery(directory, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new KeycloakGroupQuery(directory, null);
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants();
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Camunda's LIKE patterns use % as the wildcard. */
    static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        String regex = Arrays.stream(pattern.split("%", -1)).map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }

    static <T> List<T> page(Stream<T> results, Page page) {
        Stream<T> paged = results;
        if (page != null) {
            paged = paged.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return paged.toList();
    }

    /**
     * The engine's own tables let a signed-in user read users and groups only as their
     * authorizations allow; it grants every user their own account and every member their groups
     * when it creates them. Keycloak's users are never created in the engine, so those two
     * defaults are applied here and everything else is asked of the engine's authorizations (an
     * administrator reads all; the engine itself, with no one signed in, too).
     */
    static boolean readable(CommandContext commandContext, Resources resource, String id) {
        return commandContext.getAuthorizationManager().isAuthorized(Permissions.READ, resource, id);
    }

    static <T> Predicate<T> when(Object criterion, Predicate<T> test) {
        return criterion == null ? item -> true : test;
    }

    private static final class KeycloakUserQuery extends UserQueryImpl {

        private final transient KeycloakDirectory directory;

        /** With an executor the query runs by itself; without, inside the command that made it. */
        KeycloakUserQuery(KeycloakDirectory directory, CommandExecutor executor) {
            super(executor);
            this.directory = directory;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matches(commandContext).count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matches(commandContext).map(KeycloakUserQuery::toUser), page);
        }

        private Stream<Person> matches(CommandContext commandContext) {
            if (tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            Snapshot snapshot = directory.read();
            List<String> members = groupId == null ? null : snapshot.membersByTeam().getOrDefault(groupId, List.of());
            return snapshot.people().stream()
                    .filter(when(id, person -> person.id().equals(id)))
                    .filter(when(ids, person -> Arrays.asList(ids).contains(person.id())))
                    .filter(when(firstName, person -> firstName.equals(person.firstName())))
                    .filter(when(firstNameLike, person -> like(person.firstName(), firstNameLike)))
                    .filter(when(lastName, person -> lastName.equals(person.lastName())))
                    .filter(when(lastNameLike, person -> like(person.lastName(), lastNameLike)))
                    .filter(when(email, person -> email.equalsIgnoreCase(String.valueOf(person.email()))))
                    .filter(when(emailLike, person -> like(person.email(), emailLike)))
                    .filter(when(members, person -> members.contains(person.id())))
                    .filter(person -> person.id().equals(commandContext.getAuthenticatedUserId())
                            || readable(commandContext, Resources.USER, person.id()))
                    .sorted(Comparator.comparing(Person::id));
        }

        private static User toUser(Person person) {
            UserEntity user = new UserEntity(person.id());
            user.setFirstName(person.firstName());
            user.setLastName(person.lastName());
            user.setEmail(person.email());
            return user;
        }
    }

    private static final class KeycloakGroupQuery extends GroupQueryImpl {

        private final transient KeycloakDirectory directory;

        KeycloakGroupQuery(KeycloakDirectory directory, CommandExecutor executor) {
            super(executor);
            this.directory = directory;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matches(commandContext).count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matches(commandContext).map(KeycloakGroupQuery::toGroup), page);
        }

        private Stream<Team> matches(CommandContext commandContext) {
            if (tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            Snapshot snapshot = directory.read();
            return snapshot.teams().stream()
                    .filter(when(id, team -> team.id().equals(id)))
                    .filter(when(ids, team -> Arrays.asList(ids).contains(team.id())))
                    .filter(when(name, team -> team.name().equals(name)))
                    .filter(when(nameLike, team -> like(team.name(), nameLike)))
                    .filter(when(type, team -> type.equals(typeOf(team.id()))))
                    .filter(when(userId, team -> snapshot.membersByTeam().getOrDefault(team.id(), List.of()).contains(userId)))
                    .filter(team -> snapshot.membersByTeam().getOrDefault(team.id(), List.of()).contains(commandContext.getAuthenticatedUserId())
                            || readable(commandContext, Resources.GROUP, team.id()))
                    .sorted(Comparator.comparing(Team::id));
        }

        private static Group toGroup(Team team) {
            GroupEntity group = new GroupEntity(team.id());
            group.setName(team.name());
            group.setType(typeOf(team.id()));
            return group;
        }

        private static String typeOf(String groupId) {
            return Groups.ADMINS.equals(groupId) ? "SYSTEM" : "WORKFLOW";
        }
    }

    /** Cultivate uses no tenants. */
    private static final class NoTenants extends TenantQueryImpl {

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
