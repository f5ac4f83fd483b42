package org.cultivate.identity;

/**
 * The security matrix in the keycloak profile: the same doors and roles, each user signed in with
 * a real access token from {@link RealKeycloak} (the realm file of keycloak/, password grant).
 */
@KeycloakProfileTest
class KeycloakSecurityMatrixTest extends SecurityMatrix {

    @Override
    String baseUrl() {
        return "http://localhost:" + RealKeycloak.get().appPort();
    }

    @Override
    String authorization(String user) {
        return "Bearer " + RealKeycloak.get().token(user);
    }
}
