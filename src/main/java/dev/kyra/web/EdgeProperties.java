package dev.kyra.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Kyra is reached: {@code KYRA_PUBLIC_URL}, the base of the URLs it hands out when it runs behind a
 * proxy or under another name, and {@code KYRA_TRUSTED_PROXIES}, whose forwarded headers are believed.
 */
@ConfigurationProperties("kyra")
public record EdgeProperties(String publicUrl, @DefaultValue List<String> trustedProxies) {

    /** The public URL without trailing slashes, or null when none is set. */
    public String publicBase() {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        return publicUrl.strip().replaceFirst("/+$", "");
    }
}
