package dev.kyra.face.console;

import dev.kyra.reviewers.ReviewerService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The console's own chain: a session signed in with a reviewer's email and password, CSRF on every
 * state change, and nothing else accepted — no face credential or admin token opens a console page,
 * and a console session opens nothing outside {@code /console} (the other chains are stateless and
 * never read a session).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String ROOT = "/console";
    /** Pages and assets come from Kyra only; document previews may come from the file store (S3) over HTTPS. */
    private static final String POLICY = "default-src 'self'; img-src 'self' https: data:; object-src 'self' https:; "
            + "frame-src 'self' https:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    @Bean
    @Order(5)
    SecurityFilterChain console(HttpSecurity http, ReviewerSignIn signIn, ReviewerService reviewers) throws Exception {
        http.securityMatcher(ROOT, ROOT + "/**")
                .authenticationProvider(signIn)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ROOT, ROOT + "/", ROOT + "/assets/**").permitAll()
                        .anyRequest().hasAuthority(ReviewerSignIn.AUTHORITY))
                .formLogin(form -> form.loginPage(ROOT + "/").loginProcessingUrl(ROOT + "/sign-in")
                        .usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl(ROOT + "/queue", true).failureUrl(ROOT + "/?error"))
                .logout(logout -> logout.logoutUrl(ROOT + "/sign-out").logoutSuccessUrl(ROOT + "/?signed-out"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(ROOT + "/")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY)))
                .addFilterAfter(new ActiveReviewer(reviewers), AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
