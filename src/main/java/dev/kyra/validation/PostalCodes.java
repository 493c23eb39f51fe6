package dev.kyra.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Postal codes checked against the country they belong to (decision B7), using the pattern table in
 * {@code reference/postal-codes.tsv} (its source is named in the file). A country without a pattern
 * accepts any value of 1 to 20 characters.
 */
public final class PostalCodes {

    public static final int MAX_LENGTH = 20;
    private static final String TABLE = "/reference/postal-codes.tsv";
    private static final Map<String, Pattern> PATTERNS = load();

    private PostalCodes() {
    }

    public static boolean isValidFor(String country, String postalCode) {
        if (postalCode == null || postalCode.isEmpty() || postalCode.length() > MAX_LENGTH) {
            return false;
        }
        Pattern pattern = PATTERNS.get(country);
        return pattern == null || pattern.matcher(postalCode).matches();
    }

    /** Whether the table has a pattern for the country (for messages and tests). */
    public static boolean hasPatternFor(String country) {
        return PATTERNS.containsKey(country);
    }

    static Optional<Pattern> patternFor(String country) {
        return Optional.ofNullable(PATTERNS.get(country));
    }

    private static Map<String, Pattern> load() {
        Map<String, Pattern> patterns = new HashMap<>();
        for (String[] columns : ReferenceTable.rows(TABLE)) {
            patterns.put(columns[0], Pattern.compile("(?:" + columns[1] + ")", Pattern.CASE_INSENSITIVE));
        }
        return Map.copyOf(patterns);
    }
}
