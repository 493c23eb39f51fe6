package dev.kyra.face.admin;

import dev.kyra.platform.AdminCredentials;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.StatelessApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    @Bean
    @Order(10)
    SecurityFilterChain adminApi(HttpSecurity http, AdminCredentials credentials, ApiFaces faces) throws Exception {
        http.securityMatcher(AdminFace.PREFIX + "**")
                .addFilterBefore(new AdminTokenFilter(credentials), AuthorizationFilter.class)
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
