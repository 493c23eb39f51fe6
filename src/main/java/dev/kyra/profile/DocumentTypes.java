package dev.kyra.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** KYB document types (Blaaiz spec §3.6): a business needs at least one formation document to submit. */
public final class DocumentTypes {

    public static final List<String> FORMATION = List.of("CERTIFICATE_OF_INCORPORATION", "ARTICLES_OF_INCORPORATION",
            "BENEFICIAL_OWNERSHIP_CERTIFICATE", "INCORPORATION_DOCUMENTS", "CAC_STATUS_REPORT");
    public static final List<String> OTHER = List.of("ACCOUNT_AGREEMENT", "PROOF_OF_ADDRESS", "BANK_STATEMENT", "LICENSE",
            "SHARE_REGISTRATION", "COMPANY_OWNERSHIP_STRUCTURE", "DIRECTORS_REGISTER", "OTHER");
    public static final Set<String> ALL;

    static {
        Set<String> all = new LinkedHashSet<>(FORMATION);
        all.addAll(OTHER);
        ALL = java.util.Collections.unmodifiableSet(all);
    }

    private DocumentTypes() {
    }
}
