package dev.kyra.customer;

import java.util.Arrays;
import java.util.Optional;

/** Verification tiers (basic, standard, enhanced), each needing more of the profile (decision A5). */
public enum Tier {
    TIER_1("tier-1"),
    TIER_2("tier-2"),
    TIER_3("tier-3");

    private final String code;

    Tier(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Tier> fromCode(String code) {
        return Arrays.stream(values()).filter(tier -> tier.code.equals(code)).findFirst();
    }
}
