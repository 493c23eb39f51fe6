package dev.kyra.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs webhooks may be sent to (decision D7): HTTPS, and never an address inside a network —
 * loopback, private, link-local, CGNAT, multicast, unspecified, or a cloud metadata address. Checked
 * when a URL is registered (literal addresses and {@code localhost}) and again by each delivery
 * against the addresses it connects to ({@link WebhookHttp} resolves the host through this policy). {@code KYRA_WEBHOOK_ALLOW_PRIVATE_TARGETS=true} lifts both rules,
 * for development and tests only.
 */
@Component
public class TargetPolicy {

    private final boolean allowPrivate;

    TargetPolicy(@Value("${kyra.webhook.allow-private-targets:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL if it may be registered; empty for one that is malformed, not HTTPS or inside a network. */
    public Optional<URI> registrable(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || (allowPrivate && scheme.equals("http")))) {
            return Optional.empty();
        }
        if (allowPrivate) {
            return Optional.of(uri);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || isLiteralAddress(host) && isInternal(literal(host))) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    /** Whether a delivery may connect to this address, one its host resolved to as it connects. */
    boolean mayConnectTo(InetAddress address) {
        return allowPrivate || !isInternal(address);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128   // "this network", CGNAT
                    || first == 169 && second == 254                           // link-local and metadata
                    || first >= 240;                                            // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            boolean mappedV4 = isV4Mapped(bytes);
            return (first & 0xfe) == 0xfc                                   // unique local fc00::/7
                    || mappedV4 && isInternalV4(bytes[12], bytes[13], bytes[14], bytes[15]);
        }
        return true;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static boolean isInternalV4(byte a, byte b, byte c, byte d) {
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+") || host.contains(":");
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress(); // not an address we can judge: treated as internal
        }
    }
}
