package dev.kyra.profile;

import java.util.Arrays;
import java.util.Optional;

public enum CustomerType {
    INDIVIDUAL("individual"),
    BUSINESS("business");

    private final String code;

    CustomerType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CustomerType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
