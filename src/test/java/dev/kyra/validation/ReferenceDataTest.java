package dev.kyra.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceDataTest {

    @Test
    void everyExampleInThePostalTableMatchesItsOwnPattern() throws IOException {
        String table;
        try (InputStream in = PostalCodes.class.getResourceAsStream("/reference/postal-codes.tsv")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long rows = table.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).peek(line -> {
            String[] columns = line.split("\t");
            assertThat(columns).as(line).hasSize(3);
            assertThat(PostalCodes.isValidFor(columns[0], columns[2])).as(line).isTrue();
        }).count();
        assertThat(rows).isGreaterThan(150);
    }

    @Test
    void postalCodesAreCheckedAgainstTheirCountry() {
        assertThat(PostalCodes.isValidFor("NG", "100001")).isTrue();
        assertThat(PostalCodes.isValidFor("NG", "1000")).isFalse();
        assertThat(PostalCodes.isValidFor("US", "95014-1234")).isTrue();
        assertThat(PostalCodes.isValidFor("GB", "sw1a 1aa")).as("case-insensitive").isTrue();
        assertThat(PostalCodes.isValidFor("CA", "H3Z2Y7")).isTrue();
        assertThat(PostalCodes.isValidFor("CA", "12345")).isFalse();
    }

    @Test
    void countriesWithoutAPatternTakeOneToTwentyCharacters() {
        assertThat(PostalCodes.hasPatternFor("AE")).isFalse();
        assertThat(PostalCodes.isValidFor("AE", "X")).isTrue();
        assertThat(PostalCodes.isValidFor("AE", "x".repeat(20))).isTrue();
        assertThat(PostalCodes.isValidFor("AE", "x".repeat(21))).isFalse();
        assertThat(PostalCodes.isValidFor("AE", "")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NG", "US", "GB", "CA", "GH", "ZA"})
    void assignedCountryCodesAreValid(String code) {
        assertThat(Countries.isCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ng", "NGA", "", "UK"})
    void otherCountryCodesAreNot(String code) {
        assertThat(Countries.isCode(code)).isFalse();
    }

    @Test
    void phoneNumbersMustBeE164AndPossible() {
        assertThat(PhoneNumbers.isE164("+2348012345678")).isTrue();
        assertThat(PhoneNumbers.isE164("+14155552671")).isTrue();
        assertThat(PhoneNumbers.isE164("+447911123456")).isTrue();
        assertThat(PhoneNumbers.isE164("08012345678")).as("no country code").isFalse();
        assertThat(PhoneNumbers.isE164("+234 801 234 5678")).as("spaces").isFalse();
        assertThat(PhoneNumbers.isE164("+2341")).as("too short for Nigeria").isFalse();
        assertThat(PhoneNumbers.isE164("+0123456789")).isFalse();
    }

    @Test
    void emailAddressesNeedALocalPartAndADottedDomain() {
        assertThat(EmailAddresses.isValid("john.doe@company.com")).isTrue();
        assertThat(EmailAddresses.isValid("oluwatobi.ishola+customer@blaaiz.com")).isTrue();
        assertThat(EmailAddresses.isValid("john@localhost")).isFalse();
        assertThat(EmailAddresses.isValid("john doe@company.com")).isFalse();
        assertThat(EmailAddresses.isValid("@company.com")).isFalse();
        assertThat(EmailAddresses.isValid("john..doe@company.com")).isFalse();
        assertThat(EmailAddresses.isValid("x".repeat(65) + "@company.com")).isFalse();
    }

    @Test
    void webAddressesAreAbsoluteHttpUrls() {
        assertThat(WebAddresses.isHttpUrl("https://acme.example.com")).isTrue();
        assertThat(WebAddresses.isHttpUrl("http://acme.example.com/about?x=1")).isTrue();
        assertThat(WebAddresses.isHttpUrl("ftp://acme.example.com")).isFalse();
        assertThat(WebAddresses.isHttpUrl("acme.example.com")).isFalse();
        assertThat(WebAddresses.isHttpUrl("https:// acme")).isFalse();
    }
}
