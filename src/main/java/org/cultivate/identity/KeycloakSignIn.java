package org.cultivate.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The keycloak profile: users sign in at Keycloak (OpenID Connect, authorization code) and
 * scripts send Keycloak's access tokens. A token counts only with Keycloak's signature, this
 * realm as issuer, this server's client in its audience, and within its lifetime. The realm's
 * {@code groups} claim gives the groups; {@code preferred_username} is the Camunda user id.
 */
@Configuration
@Profile("keycloak")
class KeycloakSignIn implements SignInMethod {

    static final String REGISTRATION_ID = "keycloak";
    static final String USER_NAME_CLAIM = "preferred_username";
    static final String GROUPS_CLAIM = "groups";

    private static final Logger log = LoggerFactory.getLogger(KeycloakSignIn.class);

    private final KeycloakSettings keycloak;
    private final ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients;
    private final RestClient http = RestClient.create();

    KeycloakSignIn(KeycloakSettings keycloak, ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
        this.keycloak = keycloak.requireUsable();
        this.authorizedClients = authorizedClients;
    }

    @Bean
    JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.backchannel("certs")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.issuer()),
                new JwtClaimValidator<List<String>>("aud", audience -> audience != null && audience.contains(keycloak.clientId()))));
        return decoder;
    }

    /** Explicit endpoints, so the server starts while Keycloak is still starting too. */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository() {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.frontchannel("auth"))
                .tokenUri(keycloak.backchannel("token"))
                .jwkSetUri(keycloak.backchannel("certs"))
                .userInfoUri(keycloak.backchannel("userinfo"))
                .userNameAttributeName(USER_NAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.frontchannel("logout")))
                .build());
    }

    /** The groups of the ID token become {@code GROUP_<name>} authorities, as for local accounts. */
    @Bean
    GrantedAuthoritiesMapper keycloakGroups() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(groupAuthorities(oidc.getIdToken().getClaimAsStringList(GROUPS_CLAIM)));
                }
            }
            return mapped;
        };
    }

    @Override
    public void forCalls(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
        http.oauth2ResourceServer(server -> server
                .authenticationEntryPoint(unauthorized)
                .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenToUser())));
    }

    @Override
    public void forBrowsers(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION_ID));
    }

    @Override
    public void forSignOut(LogoutConfigurer<HttpSecurity> logout) {
        ClientRegistrationRepository registrations = clientRegistrationRepository();
        var endAtKeycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/portal");
        // a default for the other logouts, after the webapps' own: an explicit success handler would
        // answer their script call with a redirect to Keycloak, which a script cannot follow
        logout.defaultLogoutSuccessHandlerFor(endAtKeycloak, AnyRequestMatcher.INSTANCE);
        logout.addLogoutHandler(endKeycloakSession());
    }

    @Override
    public String challenge() {
        return "Bearer realm=\"" + keycloak.realm() + "\"";
    }

    /**
     * The webapps log out with a script call that cannot follow a redirect to Keycloak, so the
     * server ends the Keycloak session itself, with the refresh token it holds for the user.
     */
    private LogoutHandler endKeycloakSession() {
        return (request, response, authentication) -> {
            if (authentication == null) {
                return;
            }
            OAuth2AuthorizedClient client = authorizedClients.getObject().loadAuthorizedClient(REGISTRATION_ID, authentication, request);
            if (client == null || client.getRefreshToken() == null) {
                return;
            }
            var form = new LinkedMultiValueMap<String, String>();
            form.add("client_id", keycloak.clientId());
            form.add("client_secret", keycloak.clientSecret());
            form.add("refresh_token", client.getRefreshToken().getTokenValue());
            try {
                http.post().uri(keycloak.backchannel("logout")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form).retrieve().toBodilessEntity();
            } catch (RestClientException e) {
                log.warn("Could not end the Keycloak session of {}: {}", authentication.getName(), e.getMessage());
            }
        };
    }

    private static Converter<Jwt, AbstractAuthenticationToken> tokenToUser() {
        var converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(USER_NAME_CLAIM);
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.copyOf(groupAuthorities(jwt.getClaimAsStringList(GROUPS_CLAIM))));
        return converter;
    }

    private static Collection<GrantedAuthority> groupAuthorities(List<String> groups) {
        if (groups == null) {
            return List.of();
        }
        // Keycloak writes "/name" when the mapper's full path is on; the realm has it off, accept both
        return groups.stream()
                .map(group -> group.startsWith("/") ? group.substring(1) : group)
                .map(StaffCredentials::groupAuthority)
                .toList();
    }
}
