package dev.kyra.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a bearer-token API needs from Spring Security and nothing more: no anonymous principal, no
 * saved requests, no logout endpoint, no servlet-API request wrapper. Each of those is a filter
 * every request would pass through for nothing.
 */
public final class StatelessApi {

    private StatelessApi() {
    }

    public static void trim(HttpSecurity http) throws Exception {
        http.anonymous(anonymous -> anonymous.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable());
    }
}
