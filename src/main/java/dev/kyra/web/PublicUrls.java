package dev.kyra.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base of the absolute URLs Kyra hands out (upload and download links): {@code KYRA_PUBLIC_URL}
 * when Kyra runs behind a proxy or under another name, else the scheme, host and port the request
 * came in on.
 */
@Component
public class PublicUrls {

    private final String configured;

    PublicUrls(EdgeProperties edge) {
        this.configured = edge.publicBase();
    }

    public String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
