package dev.kyra.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 form ({@code +2348012345678}): a plus, a country calling code and a national
 * number whose length is possible for that country (libphonenumber). Possibility, not validity, is
 * checked: number plans change faster than a deployed Kyra, and sandbox numbers must pass.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static boolean isE164(String value) {
        if (value == null || !E164.matcher(value).matches()) {
            return false;
        }
        try {
            return UTIL.isPossibleNumber(UTIL.parse(value, null));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
