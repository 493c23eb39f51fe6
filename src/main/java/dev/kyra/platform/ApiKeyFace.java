package dev.kyra.platform;

import java.util.Arrays;

/** Which face accepts an API key: Allawee's {@code sk.} keys, or Blaaiz's legacy {@code x-blaaiz-api-key}. */
public enum ApiKeyFace {
    ALLAWEE("allawee"),
    BLAAIZ_LEGACY("blaaiz-legacy");

    private final String code;

    ApiKeyFace(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static ApiKeyFace fromCode(String code) {
        return Arrays.stream(values()).filter(face -> face.code.equals(code)).findFirst().orElseThrow();
    }
}
