package dev.kyra.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The OAuth scopes Kyra serves on the Blaaiz face (a subset of Blaaiz's own list, spec §2.2). */
public final class OAuthScopes {

    public static final String CUSTOMER_READ = "customer:read";
    public static final String CUSTOMER_WRITE = "customer:write";
    public static final String BENEFICIARY_READ = "beneficiary:read";
    public static final String FILE_UPLOAD = "file:upload";
    public static final String VIRTUAL_ACCOUNT_READ = "virtual-account:read";
    public static final String WEBHOOK_READ = "webhook:read";
    public static final String WEBHOOK_WRITE = "webhook:write";
    public static final String WEBHOOK_REPLAY = "webhook:replay";

    /** In the order they are documented, which is the order they are printed. */
    public static final List<String> ALL = List.of(CUSTOMER_READ, CUSTOMER_WRITE, BENEFICIARY_READ, FILE_UPLOAD,
            VIRTUAL_ACCOUNT_READ, WEBHOOK_READ, WEBHOOK_WRITE, WEBHOOK_REPLAY);

    /**
     * Every scope Blaaiz documents (spec §2.2, with the Java SDK's {@code compliance-kyc:pii:read}),
     * served here or not. A token request may name any of them: the official SDKs ask for 25 by
     * default, and those Kyra does not serve are left out of the grant (decision B18).
     */
    public static final Set<String> DOCUMENTED = Set.of("wallet:read", "currency:read", "bank:read", CUSTOMER_READ,
            CUSTOMER_WRITE, BENEFICIARY_READ, VIRTUAL_ACCOUNT_READ, "virtual-account:create", "virtual-account:close",
            "collection:create", "collection:crypto:create", "collection:interac:accept", "collection:interac:create",
            "interac-auto-deposit-email:create", "interac-auto-deposit-email:read", "payout:create", "swap:create",
            "transaction:read", "fees:read", "rates:read", FILE_UPLOAD, WEBHOOK_READ, WEBHOOK_WRITE, WEBHOOK_REPLAY,
            "mock:webhook:trigger", "crypto-wallet:read", "crypto-wallet:create", "crypto-asset:read",
            "crypto-transaction:read", "crypto-payout:create", "crypto-swap:create", "compliance-kyc:read",
            "compliance-kyc:create", "compliance-kyc:cancel", "compliance-kyc:pii:read", "refund:create", "refund:read");

    private OAuthScopes() {
    }

    public static boolean areKnown(Collection<String> scopes) {
        return Set.copyOf(ALL).containsAll(scopes);
    }
}
