package dev.kyra.webhooks;

/** The faces that register webhooks, each rendering and signing its own way. */
public enum WebhookFace {
    BLAAIZ("blaaiz"),
    ALLAWEE("allawee");

    private final String code;

    WebhookFace(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static WebhookFace fromCode(String code) {
        for (WebhookFace face : values()) {
            if (face.code.equals(code)) {
                return face;
            }
        }
        throw new IllegalArgumentException("no webhook face " + code);
    }
}
