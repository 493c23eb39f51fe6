package dev.kyra.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code sk.test.} or {@code sk.live.} and at least 32 base58 characters.
 * The mode is part of the key, so a key can never act in the other mode.
 */
public final class ApiKeyFormat {

    private static final Pattern KEY = Pattern.compile("sk\\.(test|live)\\.[1-9A-HJ-NP-Za-km-z]{32,128}");

    private ApiKeyFormat() {
    }

    /** The mode a well-formed key is for; empty when the text is not shaped like a key. */
    public static Optional<Mode> modeOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Mode.fromCode(matcher.group(1)) : Optional.empty();
    }

    static String newKey(Mode mode) {
        return "sk." + mode.code() + "." + Secrets.newSecret();
    }

    /**
     * A Blaaiz legacy key. Blaaiz publishes no format for them; the mode in the prefix lets an operator
     * tell a test key from a live one at a glance, though only the stored record decides.
     */
    static String newLegacyKey(Mode mode) {
        return "blz." + mode.code() + "." + Secrets.newSecret();
    }
}
