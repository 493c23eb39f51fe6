package dev.kyra.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters in front of every face, before Spring Security: forwarded headers first, applied only
 * from trusted proxies, so everything after sees the true client; request ids and logging next, so even
 * a 401 has an id and a log line; then the body limit, so an unauthenticated client cannot make Kyra
 * read a huge body; then the parameter check, so no later code meets a parameter that is not text.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    @Bean
    FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(EdgeProperties edge) {
        FilterRegistrationBean<TrustedProxyFilter> registration =
                new FilterRegistrationBean<>(new TrustedProxyFilter(edge.trustedProxies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(ApiFaces faces) {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter(faces));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiFaces faces, HttpProperties http) {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(http.maxBodySize().toBytes(), faces, http.bodyLimitExemptPaths());
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestParameterFilter> requestParameterFilter(ApiFaces faces) {
        FilterRegistrationBean<RequestParameterFilter> registration =
                new FilterRegistrationBean<>(new RequestParameterFilter(faces));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
