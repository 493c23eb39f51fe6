package dev.kyra.customer;

import java.util.Arrays;
import java.util.Optional;

/** Whether a customer may transact (decision A6). Set by reviewers; every customer starts active. */
public enum Activity {
    ACTIVE("active"),
    INACTIVE("inactive");

    private final String code;

    Activity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Activity> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
