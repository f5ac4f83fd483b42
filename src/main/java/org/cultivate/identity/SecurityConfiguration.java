package org.cultivate.identity;

import java.util.Arrays;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may open which door, in one place (the table in docs/security.md). Two filter chains:
 * {@code /engine-rest} takes credentials with every call and keeps no session; everything else
 * (portal, API, webapps, modeler) works with a browser session or with credentials per call.
 * The engine's own authorizations then decide which cases a signed-in user sees.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /** Reachable without signing in: the portal, the form catalogue, submissions and tracking. */
    static final String[] PUBLIC = {
            "/", "/portal", "/portal/**", "/api/forms", "/api/forms/**", "/api/tracking/**",
            "/api/conduct/transparency", "/api/grants/report", "/api/task-force/calls", "/api/task-force/calls/*",
            "/api/task-force/calls/*/statistics", "/api/grants/open-for-comment", "/api/grants/*/comments",
            "/api/session", "/login", "/login.css", "/error", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/actuator/info"};

    private static final String CONDUCT_COMMITTEE = authority(Groups.CONDUCT_COMMITTEE);
    private static final String GRANTS_COMMITTEE = authority(Groups.GRANTS_COMMITTEE);
    private static final String COORDINATORS = authority(Groups.COORDINATORS);
    private static final String SELECTION_COMMITTEE = authority(Groups.SELECTION_COMMITTEE);
    private static final String MENTORS = authority(Groups.MENTORS);
    private static final String ADMINS = authority(Groups.ADMINS);

    private static final RequestMatcher WEBAPPS = path("/camunda/**");
    private static final RequestMatcher MODELER = path("/modeler/**");
    /**
     * Where a request reaches the engine as the signed-in user: the webapps' engine API (behind
     * Tasklist and Cockpit) and the modeler's deployments. Cultivate's other endpoints call the
     * engine as the system, after deciding themselves what the caller may see.
     */
    private static final RequestMatcher WEBAPP_ENGINE_API = path("/camunda/api/engine/**");
    private static final RequestMatcher ENGINE_DOORS = new OrRequestMatcher(
            WEBAPP_ENGINE_API, path("/api/modeler/**"), path("/api/conduct/cases/**"));

    private static final RequestMatcher WEBAPP_LOGOUT = path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

    /**
     * The engine as Camunda's REST API finds it, by name: the filters must set the user on, and
     * check with, the very engine the request's queries run on.
     */
    private static final Supplier<ProcessEngine> ENGINE = () -> EngineUtil.lookupProcessEngine(null);

    private final SignInMethod signIn;
    private final CaseReadLog caseReadLog;
    private final String keycloakPublicUrl;

    SecurityConfiguration(SignInMethod signIn, CaseReadLog caseReadLog,
            @Value("${cultivate.keycloak.public-url:}") String keycloakPublicUrl) {
        this.signIn = signIn;
        this.caseReadLog = caseReadLog;
        this.keycloakPublicUrl = keycloakPublicUrl;
    }

    /** Camunda's REST API: credentials on every call, no session, so no cookie to forge requests with. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = ProblemResponses.unauthorized(signIn.challenge());
        http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterAfter(new CaseReadRecorder(caseReadLog, ENGINE), AuthorizationFilter.class)
                .addFilterAfter(new CamundaAuthenticationBridge(ENGINE, AnyRequestMatcher.INSTANCE), CaseReadRecorder.class)
                .addFilterAfter(new TaskAttachmentGuard(ENGINE), CamundaAuthenticationBridge.class)
                .addFilterAfter(new HideForbiddenReads(AnyRequestMatcher.INSTANCE), TaskAttachmentGuard.class);
        signIn.forCalls(http, unauthorized);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = ProblemResponses.unauthorized(signIn.challenge());
        RequestMatcher api = path("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths(PUBLIC)).permitAll()
                        .requestMatchers(paths("/modeler", "/modeler/**", "/api/modeler/**")).hasAnyAuthority(COORDINATORS, ADMINS)
                        .requestMatchers(path("/api/conduct/**")).hasAnyAuthority(CONDUCT_COMMITTEE, ADMINS)
                        .requestMatchers(path("/api/grants/**")).hasAnyAuthority(GRANTS_COMMITTEE, COORDINATORS, ADMINS)
                        .requestMatchers(path("/api/task-force/**")).hasAnyAuthority(SELECTION_COMMITTEE, COORDINATORS, ADMINS)
                        .requestMatchers(paths("/api/leaders", "/api/leaders/**", "/api/onboarding/**")).hasAnyAuthority(COORDINATORS, ADMINS)
                        .requestMatchers(path("/api/mentors/me/**")).hasAuthority(MENTORS)
                        .requestMatchers(path("/actuator/**")).hasAuthority(ADMINS)
                        .anyRequest().authenticated())
                // a forged request borrows the victim's session cookie: without one there is nothing to forge
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                                request -> request.getRequestedSessionId() != null))
                        .ignoringRequestMatchers(
                        // the webapps carry Camunda's own CSRF filter (X-XSRF-TOKEN)
                        WEBAPPS,
                        // anonymous forms: no session whose authority a forged request could borrow
                        path(HttpMethod.POST, "/api/forms/*/submissions"), path("/api/tracking/**"),
                        path(HttpMethod.POST, "/api/grants/*/comments"),
                        // scripts sending credentials with each call have no session to forge
                        request -> request.getHeader("Authorization") != null))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new AndRequestMatcher(new NegatedRequestMatcher(WEBAPPS), new NegatedRequestMatcher(MODELER)),
                                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy("'self'"))))
                        // the modeler's diagrams (bpmn-js) style their SVG inline; scripts stay this server's only
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(MODELER,
                                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy("'self' 'unsafe-inline'"))))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(unauthorized, api)
                        .defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(), api))
                .addFilterAfter(new CaseReadRecorder(caseReadLog, ENGINE), AuthorizationFilter.class)
                .addFilterAfter(new CamundaAuthenticationBridge(ENGINE, ENGINE_DOORS), CaseReadRecorder.class)
                .addFilterAfter(new TaskAttachmentGuard(ENGINE), CamundaAuthenticationBridge.class)
                .addFilterAfter(new HideForbiddenReads(WEBAPP_ENGINE_API), TaskAttachmentGuard.class);
        signIn.forCalls(http, unauthorized);
        signIn.forBrowsers(http);
        http.logout(logout -> {
            // the webapps' own "Log out" posts here; it must end the session it did not start
            logout.logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), WEBAPP_LOGOUT))
                    .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(), WEBAPP_LOGOUT);
            signIn.forSignOut(logout);
        });
        return http.build();
    }

    /**
     * The webapps ask Spring Security who is signed in (SSO), instead of their own login form.
     * Ordered right after Spring Security's filter, before the webapps' own filters.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("cultivate-webapp-authentication");
        registration.addInitParameter("authentication-provider", SpringSecurityWebappAuthentication.class.getName());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** A path the firewall refuses (encoded dots or slashes, say) gets a plain 400, as problem+json. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                "This address is not valid.");
    }

    /** Spring Security's default firewall, as a bean: Spring Security and {@link FirewallFirst} use this one. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    /** Right before Spring Security's filter, so that its firewall has refused a bad path before anything parses it. */
    @Bean
    FilterRegistrationBean<FirewallFirst> firewallFirst(HttpFirewall firewall, RequestRejectedHandler rejectedHandler) {
        var registration = new FilterRegistrationBean<>(new FirewallFirst(firewall, rejectedHandler));
        registration.setName("cultivate-firewall-first");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    private String contentSecurityPolicy(String styles) {
        // a Keycloak logout or login redirect follows a form post: allow that one other origin
        String formTargets = keycloakPublicUrl.isBlank() ? "'self'" : "'self' " + keycloakPublicUrl;
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action " + formTargets;
    }

    /**
     * A path pattern over the whole path. Spring's default string matchers would match within the
     * MVC servlet only, and miss {@code /engine-rest} and {@code /camunda}, which other servlets serve.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static RequestMatcher[] paths(String... patterns) {
        return Arrays.stream(patterns).map(SecurityConfiguration::path).toArray(RequestMatcher[]::new);
    }

    static String authority(String group) {
        return StaffCredentials.groupAuthority(group).getAuthority();
    }
}
