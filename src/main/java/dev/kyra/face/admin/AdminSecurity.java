package dev.kyra.face.admin;

import dev.kyra.platform.AdminCredentials;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.StatelessApi;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The admin API accepts only the admin token, and the admin token is accepted nowhere else: each
 * face's chain knows only its own credential.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String METRICS = "/actuator/prometheus";

    @Bean
    @Order(10)
    SecurityFilterChain adminApi(HttpSecurity http, AdminCredentials credentials, ApiFaces faces) throws Exception {
        return adminTokenOnly(http.securityMatcher(AdminFace.PREFIX + "**"), credentials, faces);
    }

    private static SecurityFilterChain adminTokenOnly(HttpSecurity http, AdminCredentials credentials, ApiFaces faces)
            throws Exception {
        http.addFilterBefore(new AdminTokenFilter(credentials), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(AdminTokenFilter.ROLE))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    faces.writeError(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                            "A valid admin token is required: Authorization: Bearer <KYRA_ADMIN_TOKEN>.");
                }))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        StatelessApi.trim(http);
        return http.build();
    }

    /**
     * Metrics tell how many customers each status holds and which endpoints fail: on the main port,
     * which faces the internet, they take the admin token (Prometheus sends it as a bearer token). On
     * a management port of their own ({@code KYRA_MANAGEMENT_PORT}), kept off the public network, they
     * are open, as scrapers expect; the main port then serves no actuator at all.
     */
    @Bean
    @Order(11)
    SecurityFilterChain metrics(HttpSecurity http, Environment environment, AdminCredentials credentials, ApiFaces faces)
            throws Exception {
        http.securityMatcher(METRICS);
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            return publicPaths(http);
        }
        return adminTokenOnly(http, credentials, faces);
    }

    /** Everything outside the faces (health, API docs) is public; unknown paths fall through to 404. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain publicPaths(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        StatelessApi.trim(http);
        return http.build();
    }
}
