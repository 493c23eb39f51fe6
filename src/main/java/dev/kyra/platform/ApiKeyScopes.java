package dev.kyra.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The scopes of Allawee-face API keys (decision A15). */
public final class ApiKeyScopes {

    public static final String CUSTOMERS_READ = "customers:read";
    public static final String CUSTOMERS_WRITE = "customers:write";
    public static final String WEBHOOKS_READ = "webhooks:read";
    public static final String WEBHOOKS_WRITE = "webhooks:write";
    public static final String EVENTS_READ = "events:read";
    public static final String EVENTS_RETRY = "events:retry";
    public static final String REQUESTS_READ = "requests:read";

    public static final List<String> ALL = List.of(CUSTOMERS_READ, CUSTOMERS_WRITE, WEBHOOKS_READ, WEBHOOKS_WRITE,
            EVENTS_READ, EVENTS_RETRY, REQUESTS_READ);

    private ApiKeyScopes() {
    }

    public static boolean areKnown(Collection<String> scopes) {
        return Set.copyOf(ALL).containsAll(scopes);
    }
}
