package dev.kyra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} are believed only from the proxies named in
 * {@code KYRA_TRUSTED_PROXIES} (addresses or CIDR ranges). From a trusted proxy they set the scheme,
 * host, port and client address the rest of Kyra sees (token issuers, upload and download URLs, logs);
 * from anyone else they are removed, so a client cannot make Kyra sign a token for another issuer or
 * hand out links to another host.
 */
class TrustedProxyFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trusted;
    private final ForwardedHeaderFilter applying = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter removing = new ForwardedHeaderFilter();

    TrustedProxyFilter(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(TrustedProxyFilter::matcher).toList();
        removing.setRemoveOnly(true);
    }

    private static IpAddressMatcher matcher(String entry) {
        try {
            return new IpAddressMatcher(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("KYRA_TRUSTED_PROXIES has an entry that is not an IP address or CIDR range: "
                    + entry);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        boolean fromTrustedProxy = trusted.stream().anyMatch(matcher -> matcher.matches(peer));
        (fromTrustedProxy ? applying : removing).doFilter(request, response, chain);
    }
}
