package dev.kyra.face.allawee;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.kyra.platform.ApiKeyScopes;
import dev.kyra.web.FaceDocument;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which scope each Allawee endpoint needs (decision A15): the one table authorization and 403s read. */
final class AllaweeScopes {

    record Rule(HttpMethod method, String pattern, String scope) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(GET, "/customers", ApiKeyScopes.CUSTOMERS_READ),
            new Rule(GET, "/customers/{id}", ApiKeyScopes.CUSTOMERS_READ),
            new Rule(POST, "/customers", ApiKeyScopes.CUSTOMERS_WRITE),
            new Rule(PUT, "/customers/{id}", ApiKeyScopes.CUSTOMERS_WRITE),
            new Rule(POST, "/simulation/customers/{id}/verifications/{tier}/{decision}", ApiKeyScopes.CUSTOMERS_WRITE),
            new Rule(GET, "/webhooks", ApiKeyScopes.WEBHOOKS_READ),
            new Rule(GET, "/webhooks/{id}", ApiKeyScopes.WEBHOOKS_READ),
            new Rule(GET, "/webhooks/{id}/secret", ApiKeyScopes.WEBHOOKS_READ),
            new Rule(POST, "/webhooks", ApiKeyScopes.WEBHOOKS_WRITE),
            new Rule(PUT, "/webhooks/{id}", ApiKeyScopes.WEBHOOKS_WRITE),
            new Rule(DELETE, "/webhooks/{id}", ApiKeyScopes.WEBHOOKS_WRITE),
            new Rule(POST, "/webhooks/{id}/{action:enable|disable}", ApiKeyScopes.WEBHOOKS_WRITE),
            new Rule(POST, "/webhooks/{id}/secret/roll", ApiKeyScopes.WEBHOOKS_WRITE),
            new Rule(GET, "/events", ApiKeyScopes.EVENTS_READ),
            new Rule(GET, "/events/{id}", ApiKeyScopes.EVENTS_READ),
            new Rule(POST, "/events/{id}/retry", ApiKeyScopes.EVENTS_RETRY),
            new Rule(GET, "/requests", ApiKeyScopes.REQUESTS_READ),
            new Rule(GET, "/requests/{id}", ApiKeyScopes.REQUESTS_READ));

    private AllaweeScopes() {
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
