package dev.kyra.face.blaaiz;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.kyra.platform.OAuthScopes;
import dev.kyra.web.FaceDocument;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which scope each Blaaiz endpoint needs (spec §2.2): the one table both authorization and 403s read. */
final class BlaaizScopes {

    record Rule(HttpMethod method, String pattern, String scope) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(GET, "/api/external/customer", OAuthScopes.CUSTOMER_READ),
            new Rule(POST, "/api/external/customer", OAuthScopes.CUSTOMER_WRITE),
            new Rule(GET, "/api/external/customer/{id}", OAuthScopes.CUSTOMER_READ),
            new Rule(PUT, "/api/external/customer/{id}", OAuthScopes.CUSTOMER_WRITE),
            new Rule(GET, "/api/external/customer/{id}/beneficiary", OAuthScopes.BENEFICIARY_READ),
            new Rule(GET, "/api/external/customer/{id}/beneficiary/{beneficiary}", OAuthScopes.BENEFICIARY_READ),
            new Rule(GET, "/api/external/customer/{id}/**", OAuthScopes.CUSTOMER_READ),
            new Rule(POST, "/api/external/customer/{id}/**", OAuthScopes.CUSTOMER_WRITE),
            new Rule(PUT, "/api/external/customer/{id}/**", OAuthScopes.CUSTOMER_WRITE),
            new Rule(DELETE, "/api/external/customer/{id}/**", OAuthScopes.CUSTOMER_WRITE),
            new Rule(POST, "/api/external/file/get-presigned-url", OAuthScopes.FILE_UPLOAD),
            new Rule(GET, "/api/external/webhook", OAuthScopes.WEBHOOK_READ),
            new Rule(POST, "/api/external/webhook", OAuthScopes.WEBHOOK_WRITE),
            new Rule(PUT, "/api/external/webhook", OAuthScopes.WEBHOOK_WRITE),
            new Rule(PUT, "/api/external/webhook/{id}", OAuthScopes.WEBHOOK_WRITE),
            new Rule(POST, "/api/external/webhook/replay", OAuthScopes.WEBHOOK_REPLAY),
            new Rule(POST, "/api/external/webhook-replay", OAuthScopes.WEBHOOK_REPLAY),
            new Rule(GET, "/api/external/webhook-logs", OAuthScopes.WEBHOOK_READ),
            new Rule(GET, "/api/external/webhook-logs/{id}", OAuthScopes.WEBHOOK_READ),
            new Rule(GET, "/api/external/virtual-bank-account/identification-type", OAuthScopes.VIRTUAL_ACCOUNT_READ));

    private BlaaizScopes() {
    }

    static Optional<String> requiredFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).map(Rule::scope).findFirst();
    }

    /** The scope the OpenAPI document lists for an operation: the rule its path, with sample values, meets first. */
    static List<String> documented(HttpMethod method, String documentedPath) {
        return RULES.stream().filter(rule -> FaceDocument.ruleGoverns(rule.method(), rule.pattern(), method, documentedPath))
                .map(Rule::scope).findFirst().map(List::of).orElse(List.of());
    }
}
