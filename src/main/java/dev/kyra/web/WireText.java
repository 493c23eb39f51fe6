package dev.kyra.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What text Kyra takes off the wire, in one place for every face and the admin API: valid UTF-8 only
 * (no overlong forms, no encoded surrogates, nothing past U+10FFFF: Java's decoder refuses them all),
 * no lone UTF-16 surrogate smuggled in as a JSON {@code \ud800} escape, and no NUL, which PostgreSQL
 * cannot store. A value that breaks the rule is refused, never repaired: what is stored is what was sent.
 * Field-level rules (control characters and bidi overrides in names) are the core's, not this class's.
 */
final class WireText {

    private WireText() {
    }

    /** The bytes as text, or empty when they are not valid UTF-8. */
    static Optional<String> decodeUtf8(byte[] bytes) {
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(text.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Why the text cannot be taken, or empty when it can. */
    static Optional<String> problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}
