package dev.kyra.validation;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-2 subdivision codes ({@code NG-LA}) from {@code reference/subdivisions.tsv} (its source
 * and licence are named in the file). A subdivision can also be found by its name within its
 * country, so the legacy form of a state ("Lagos", "Lagos State", "FCT") is normalised to its code
 * (decision A8).
 */
public final class Subdivisions {

    private static final String TABLE = "/reference/subdivisions.tsv";
    private static final Map<String, String> NAMES_BY_CODE = new HashMap<>();
    /** country + "|" + simplified name → code */
    private static final Map<String, String> CODES_BY_NAME = new HashMap<>();

    static {
        load();
        // names Nigerians use for the capital territory besides its ISO name
        CODES_BY_NAME.put("NG|abuja", "NG-FC");
        CODES_BY_NAME.put("NG|fct", "NG-FC");
        CODES_BY_NAME.put("NG|federal capital territory", "NG-FC");
    }

    private Subdivisions() {
    }

    public static boolean isCode(String code) {
        return code != null && NAMES_BY_CODE.containsKey(code);
    }

    /** The country part of a subdivision code ({@code NG} of {@code NG-LA}). */
    public static String countryOf(String code) {
        return code.substring(0, code.indexOf('-'));
    }

    /**
     * The subdivision code a value stands for: the value itself when it is a code, or the code of the
     * subdivision of that name within the country.
     */
    public static Optional<String> resolve(String country, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (isCode(upper)) {
            return Optional.of(upper);
        }
        if (country == null) {
            return Optional.empty();
        }
        String name = simplified(value);
        String code = CODES_BY_NAME.get(country + "|" + name);
        if (code == null && name.endsWith(" state")) {
            code = CODES_BY_NAME.get(country + "|" + name.substring(0, name.length() - " state".length()));
        }
        return Optional.ofNullable(code);
    }

    /** Lower case, accents and punctuation dropped, spaces single: "Akwa-Ibom " finds "Akwa Ibom". */
    private static String simplified(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static void load() {
        for (String[] columns : ReferenceTable.rows(TABLE)) {
            NAMES_BY_CODE.put(columns[0], columns[1]);
            CODES_BY_NAME.putIfAbsent(countryOf(columns[0]) + "|" + simplified(columns[1]), columns[0]);
        }
    }
}
