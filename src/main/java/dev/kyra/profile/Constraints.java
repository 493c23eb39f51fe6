package dev.kyra.profile;

import dev.kyra.validation.Countries;
import dev.kyra.validation.EmailAddresses;
import dev.kyra.validation.PhoneNumbers;
import dev.kyra.validation.WebAddresses;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The value rules fields are built from, each with the sentence it answers with. */
final class Constraints {

    public static final Constraint<String> EMAIL =
            value -> problemUnless(EmailAddresses.isValid(value), "{field} must be a valid email address");
    public static final Constraint<String> PHONE = value -> problemUnless(PhoneNumbers.isE164(value),
            "{field} must be a phone number in E.164 format, such as +2348012345678");
    public static final Constraint<String> COUNTRY = value -> problemUnless(Countries.isCode(value),
            "{field} must be a valid ISO 3166-1 alpha-2 country code");
    public static final Constraint<String> WEB_ADDRESS =
            value -> problemUnless(WebAddresses.isHttpUrl(value), "{field} must be a valid URL");

    public static final Constraint<LocalDate> BEFORE_TODAY =
            value -> problemUnless(value.isBefore(today()), "{field} must be a date before today");
    public static final Constraint<LocalDate> NOT_AFTER_TODAY =
            value -> problemUnless(!value.isAfter(today()), "{field} must not be a date in the future");
    public static final Constraint<LocalDate> AFTER_TODAY =
            value -> problemUnless(value.isAfter(today()), "{field} must be a future date");
    public static final Constraint<LocalDate> AT_LEAST_18_YEARS_AGO = value -> problemUnless(
            !value.isAfter(today().minusYears(18)), "{field} must be at least 18 years ago");

    /**
     * No control characters and no invisible format characters (bidi overrides and isolates, zero-width
     * spaces, soft hyphens, byte-order marks): they make a name display as something other than what is
     * stored, which is how a reviewer is fooled. The zero-width non-joiner and joiner are kept, since
     * Persian, the Indic scripts and emoji need them to write a name correctly.
     */
    public static final Constraint<String> ONE_LINE = value -> problemUnless(value.codePoints().allMatch(Constraints::printable),
            "{field} must not contain control characters or invisible formatting characters");
    /** As {@link #ONE_LINE}, but tabs and line breaks are text here. */
    public static final Constraint<String> PARAGRAPH = value -> problemUnless(
            value.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || printable(c)),
            "{field} must not contain control characters or invisible formatting characters");

    private Constraints() {
    }

    private static boolean printable(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL) {
            return false;
        }
        return type != Character.FORMAT || codePoint == 0x200C || codePoint == 0x200D;
    }

    static Constraint<String> maxLength(int max) {
        return new MaxLength(max);
    }

    static Constraint<String> minLength(int min) {
        return value -> problemUnless(value.length() >= min, "{field} must be at least " + min + " characters");
    }

    static Constraint<String> oneOf(Set<String> allowed) {
        return new OneOf(Set.copyOf(allowed));
    }

    static Constraint<List<String>> listOf(int maxItems, int maxLength) {
        return values -> problemUnless(values.size() <= maxItems && values.stream().allMatch(v -> v.length() <= maxLength),
                "{field} may have at most " + maxItems + " entries of at most " + maxLength + " characters")
                .or(() -> values.stream().map(ONE_LINE::problemWith).flatMap(Optional::stream).findFirst());
    }

    static Constraint<Long> between(long min, long max) {
        return value -> problemUnless(value >= min && value <= max,
                "{field} must be between " + min + " and " + max);
    }

    static Constraint<BigDecimal> percentage() {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return value -> problemUnless(value.signum() >= 0 && value.compareTo(hundred) <= 0
                        && value.stripTrailingZeros().scale() <= 2,
                "{field} must be a number between 0 and 100 with at most two decimals");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Optional<String> problemUnless(boolean valid, String template) {
        return valid ? Optional.empty() : Optional.of(template);
    }

    /** A length limit, visible to API documentation through {@link Field#maxLength()}. */
    record MaxLength(int max) implements Constraint<String> {

        @Override
        public Optional<String> problemWith(String value) {
            return problemUnless(value.length() <= max, "{field} must not be longer than " + max + " characters");
        }
    }

    /** A closed set of codes, visible to API documentation through {@link Field#allowedValues()}. */
    record OneOf(Set<String> allowed) implements Constraint<String> {

        @Override
        public Optional<String> problemWith(String value) {
            return problemUnless(allowed.contains(value), "{field} must be one of: " + String.join(", ", new TreeSet<>(allowed)));
        }
    }
}
