package org.cultivate.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.cultivate.system.DefaultProfileTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security matrix in the default profile: local accounts, HTTP Basic per call. */
@DefaultProfileTest
class LocalAccountsSecurityMatrixTest extends SecurityMatrix {

    @LocalServerPort
    int port;

    @Override
    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    String authorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
