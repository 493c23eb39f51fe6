package dev.kyra.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client webhooks are sent with. It is Apache HttpClient rather than the JDK's because its
 * DNS resolver is ours: the addresses {@link TargetPolicy} checks are the very addresses it connects
 * to, so a host that answers the check with a public address and the connection with a private one
 * (DNS rebinding) reaches nothing. No redirects, retries, cookies or proxies; each attempt ends at its
 * deadline, however slowly the receiver answers, and reads no more than the start of the answer.
 */
final class WebhookHttp implements AutoCloseable {

    /** The receiver's status code and the start of its answer. */
    record Answer(int statusCode, String excerpt) {
    }

    private final CloseableHttpClient client;
    private final Duration deadline;
    private final int excerptBytes;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kyra-webhook-deadlines").daemon().factory());

    WebhookHttp(TargetPolicy targets, Duration timeout, int connectionsPerHost, int excerptBytes) {
        this.deadline = timeout;
        this.excerptBytes = excerptBytes;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(targets))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .setMaxConnPerRoute(connectionsPerHost).setMaxConnTotal(Math.max(64, connectionsPerHost * 16))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).setConnectionRequestTimeout(limit).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .build();
    }

    /**
     * Posts the body with the headers given.
     *
     * @throws InternalTargetException when the host resolves to an address inside a network
     * @throws IOException when no answer came within the deadline, or the connection failed
     */
    Answer post(URI url, Map<String, String> headers, String body) throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> cutOff = deadlines.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            HttpEntity entity = response.getEntity();
            String excerpt = "";
            if (entity != null) {
                try (InputStream answer = entity.getContent()) {
                    excerpt = new String(answer.readNBytes(excerptBytes), StandardCharsets.UTF_8);
                }
            }
            // closed unread, the rest of a long answer is not waited for: the connection is dropped
            return new Answer(response.getCode(), excerpt);
        } finally {
            cutOff.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** An address the policy refuses, found when the host was resolved for the connection. */
    static final class InternalTargetException extends UnknownHostException {

        InternalTargetException(String host) {
            super(host + " resolves to an address inside a network");
        }
    }

    /** Resolves with the system's resolver, and refuses the whole host if any answer is internal. */
    private record CheckedResolver(TargetPolicy targets) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                if (!targets.mayConnectTo(address)) {
                    throw new InternalTargetException(host);
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
