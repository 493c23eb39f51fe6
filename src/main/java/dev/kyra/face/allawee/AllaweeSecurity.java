package dev.kyra.face.allawee;

import dev.kyra.edge.Idempotency;
import dev.kyra.edge.RateLimits;
import dev.kyra.edge.RequestLog;
import dev.kyra.platform.ApiKeyService;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.StatelessApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The Allawee face accepts API keys only: an OAuth token or the admin token is a malformed key here,
 * and an API key is nothing to the other faces.
 */
@Configuration(proxyBeanMethods = false)
class AllaweeSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain allaweeApi(HttpSecurity http, ApiKeyService keys, ApiFaces faces, RateLimits rateLimits,
                                   Idempotency idempotency, RequestLog requestLog) throws Exception {
        String[] roots = AllaweeFace.ROOTS.stream().flatMap(root -> java.util.stream.Stream.of(root, root + "/**"))
                .toArray(String[]::new);
        http.securityMatcher(roots)
                // the key first; then, outside the translation of access refusals into 403s, the request
                // log, so that it sees the status the client gets; then the rate limit
                .addFilterBefore(new ApiKeyFilter(keys, faces), ExceptionTranslationFilter.class)
                .addFilterBefore(requestLog.filter(AllaweeFace::apiVersionOf), ExceptionTranslationFilter.class)
                .addFilterBefore(rateLimits.filter(), ExceptionTranslationFilter.class)
                .addFilterAfter(idempotency.filter(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    AllaweeScopes.RULES.forEach(rule -> requests.requestMatchers(rule.matcher()).hasAuthority("SCOPE_" + rule.scope()));
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> faces.writeError(request, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", ApiKeyFilter.AUTHORIZATION_REQUIRED))
                        .accessDeniedHandler((request, response, e) -> faces.writeError(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", AllaweeScopes.requiredFor(request)
                                        .map(scope -> "This key lacks the " + scope + " scope.")
                                        .orElse("This key may not do this."))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        StatelessApi.trim(http);
        return http.build();
    }
}
