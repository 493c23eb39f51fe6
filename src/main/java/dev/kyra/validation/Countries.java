package dev.kyra.validation;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes: the officially assigned ones, upper case. */
public final class Countries {

    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private Countries() {
    }

    public static boolean isCode(String value) {
        return value != null && CODES.contains(value);
    }
}
