package org.cultivate.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the browser is signed in as, and the CSRF token its scripts must send with every change
 * ({@code fetch} with the header named here). Anonymous callers learn only that they are anonymous.
 */
@RestController
class SessionController {

    record Session(String user, List<String> groups, Csrf csrf) {
    }

    record Csrf(String headerName, String token) {
    }

    @GetMapping("/api/session")
    Session session(HttpServletRequest request) {
        return StaffCredentials.signedIn()
                .map(authentication -> signedIn(authentication, (CsrfToken) request.getAttribute(CsrfToken.class.getName())))
                .orElseGet(() -> new Session(null, List.of(), null));
    }

    private static Session signedIn(Authentication authentication, CsrfToken csrf) {
        return new Session(authentication.getName(), StaffCredentials.groupsOf(authentication),
                csrf == null ? null : new Csrf(csrf.getHeaderName(), csrf.getToken()));
    }
}
