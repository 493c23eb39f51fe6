package dev.kyra.customer;

/** Where a requested tier stands: asked for, then verified or failed by a reviewer. */
public enum TierStatus {
    PENDING("pending"),
    VERIFIED("verified"),
    FAILED("failed");

    private final String code;

    TierStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TierStatus fromCode(String code) {
        for (TierStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("no tier status " + code);
    }
}
