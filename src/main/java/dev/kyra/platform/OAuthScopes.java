package dev.kyra.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The OAuth scopes Kyra serves on the Blaaiz face (a subset of Blaaiz's own list, spec §2.2). */
public final class OAuthScopes {

    public static final String CUSTOMER_READ = "customer:read";
    public static final String CUSTOMER_WRITE = "customer:write";
    public static final String FILE_UPLOAD = "file:upload";
    public static final String VIRTUAL_ACCOUNT_READ = "virtual-account:read";
    public static final String WEBHOOK_READ = "webhook:read";
    public static final String WEBHOOK_WRITE = "webhook:write";
    public static final String WEBHOOK_REPLAY = "webhook:replay";

    /** In the order they are documented, which is the order they are printed. */
    public static final List<String> ALL = List.of(CUSTOMER_READ, CUSTOMER_WRITE, FILE_UPLOAD,
            VIRTUAL_ACCOUNT_READ, WEBHOOK_READ, WEBHOOK_WRITE, WEBHOOK_REPLAY);

    private OAuthScopes() {
    }

    public static boolean areKnown(Collection<String> scopes) {
        return Set.copyOf(ALL).containsAll(scopes);
    }
}
