package dev.kyra.validation;

import java.net.URI;
import java.net.URISyntaxException;

/** Absolute http(s) URLs with a host, such as a business's website or a document link. */
public final class WebAddresses {

    private WebAddresses() {
    }

    public static boolean isHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
