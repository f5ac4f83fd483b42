package org.cultivate.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is, for the keycloak profile. {@code url} is how this server reaches it (tokens,
 * keys, users); {@code publicUrl} is how browsers reach it and the issuer its tokens name, which
 * differ when both run in containers (docker-compose).
 */
@ConfigurationProperties("cultivate.keycloak")
record KeycloakSettings(String url, String publicUrl, String realm, String clientId, String clientSecret,
        boolean allowDemoRealm) {

    /** The secret of the demo realm in keycloak/; public, so refused unless the demo realm is allowed. */
    static final String DEMO_CLIENT_SECRET = "cultivate-demo-secret";

    KeycloakSettings {
        url = url == null ? "" : stripSlash(url);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? url : stripSlash(publicUrl);
    }

    /** Checked when the keycloak profile starts (the settings are bound in every profile). */
    KeycloakSettings requireUsable() {
        if (url.isBlank()) {
            throw new IllegalStateException("The keycloak profile needs KEYCLOAK_URL, e.g. http://localhost:8180");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("The keycloak profile needs KEYCLOAK_CLIENT_SECRET, the secret of client '" + clientId + "'");
        }
        if (DEMO_CLIENT_SECRET.equals(clientSecret) && !allowDemoRealm) {
            throw new IllegalStateException("Refusing to start: KEYCLOAK_CLIENT_SECRET is the demo realm's public secret. "
                    + "Generate a new secret in Keycloak, or set CULTIVATE_ALLOW_DEMO_REALM=true for a demonstration only.");
        }
        return this;
    }

    /** The issuer the tokens carry, as browsers see Keycloak. */
    String issuer() {
        return publicUrl + "/realms/" + realm;
    }

    /** The realm's OpenID Connect endpoints as this server reaches them. */
    String backchannel(String endpoint) {
        return url + "/realms/" + realm + "/protocol/openid-connect/" + endpoint;
    }

    /** The realm's OpenID Connect endpoints as browsers reach them. */
    String frontchannel(String endpoint) {
        return issuer() + "/protocol/openid-connect/" + endpoint;
    }

    /** Keycloak's admin API for the realm, which the identity provider reads users and groups from. */
    String admin(String path) {
        return url + "/admin/realms/" + realm + path;
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
