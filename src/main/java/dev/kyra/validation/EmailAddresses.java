package dev.kyra.validation;

import java.util.regex.Pattern;

/**
 * A practical email check: one {@code @}, a non-empty local part of at most 64 characters, and a
 * domain with at least one dot and no spaces; 254 characters in all (RFC 5321 path limit).
 */
public final class EmailAddresses {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@.]+");
    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches()
                && !value.contains("..");
    }
}
