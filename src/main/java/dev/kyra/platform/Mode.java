package dev.kyra.platform;

import java.util.Arrays;
import java.util.Optional;

/** Test and live data never meet (decision D2): every credential and every record has one mode. */
public enum Mode {
    TEST("test"),
    LIVE("live");

    private final String code;

    Mode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Mode> fromCode(String code) {
        return Arrays.stream(values()).filter(mode -> mode.code.equals(code)).findFirst();
    }
}
