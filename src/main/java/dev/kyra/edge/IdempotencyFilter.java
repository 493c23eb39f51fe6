package dev.kyra.edge;

import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.CallerAuthentication;
import dev.kyra.web.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Decision D9 for a POST with an {@code Idempotency-Key}: the request runs in one transaction that
 * first takes the key (a second request with it meanwhile gets 409), and, if the response is a
 * success, keeps it under the key before committing. So the change and its kept result are committed
 * together or not at all: a crash leaves neither a change without its key nor a key without its
 * change, and a retry after a lost response gets the first response back, with
 * {@code Idempotent-Replayed: true}, and makes no second change nor second event. A refusal (4xx) or
 * failure keeps nothing, so the client may correct the request and use the key again.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final ApiFaces faces;

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, ApiFaces faces) {
        this.keys = keys;
        this.transactions = transactions;
        this.faces = faces;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<Caller> caller = CallerAuthentication.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!wellFormed(key)) {
            faces.writeError(request, response, HttpStatus.BAD_REQUEST, "bad-request",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable characters.");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException e) {
            faces.writeError(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "The request body is too large.");
            return;
        }
        Tenant tenant = caller.get().tenant();
        byte[] fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), body);
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            IdempotencyKeys.Claim claim = keys.claim(tenant, key);
            if (!claim.taken()) {
                transactions.rollback(transaction);
                faces.writeError(request, response, HttpStatus.CONFLICT, "conflict",
                        "A request with this Idempotency-Key is still being processed; retry when it has finished.");
                return;
            }
            if (claim.kept().isPresent()) {
                transactions.rollback(transaction);
                answer(request, response, claim.kept().get(), fingerprint);
                return;
            }
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            chain.doFilter(new RequestWithBody(request, body), buffered);
            int status = buffered.getStatus();
            if (status < 200 || status >= 300 || transaction.isRollbackOnly()) {
                transactions.rollback(transaction);
                buffered.copyBodyToResponse();
                return;
            }
            Optional<StoredResult> first = keys.keep(tenant, key, new StoredResult(fingerprint, status,
                    buffered.getContentType(), buffered.getHeader("Location"), buffered.getContentAsByteArray()));
            if (first.isPresent()) {
                // another request with the key committed between this one's look and its lock: its result stands
                transactions.rollback(transaction);
                buffered.resetBuffer();
                answer(request, response, first.get(), fingerprint);
                return;
            }
            if (!commit(transaction, request, buffered)) {
                // as above, found by the commit, which rolled this request's change back
                buffered.resetBuffer();
                answer(request, response, keys.kept(tenant, key).orElseThrow(), fingerprint);
            }
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
    }

    /**
     * Commits and sends the buffered response (a 503 instead if the commit failed); false, sending
     * nothing, if the commit found a result kept under the key meanwhile.
     */
    private boolean commit(TransactionStatus transaction, HttpServletRequest request, ContentCachingResponseWrapper buffered)
            throws IOException {
        try {
            transactions.commit(transaction);
        } catch (IdempotencyKeys.KeptMeanwhile e) {
            return false;
        } catch (RuntimeException e) {
            log.warn("a change under an Idempotency-Key could not be committed: {}", e.toString());
            buffered.resetBuffer();
            faces.writeError(request, buffered, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The change could not be saved, and nothing was kept; retry with the same Idempotency-Key.");
        }
        buffered.copyBodyToResponse();
        return true;
    }

    /** The kept response, if the request is the same; a 422 if the key was used for another. */
    private void answer(HttpServletRequest request, HttpServletResponse response, StoredResult kept, byte[] fingerprint)
            throws IOException {
        if (!kept.answers(fingerprint)) {
            faces.writeError(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency-Key was already used with different parameters.");
            return;
        }
        response.setStatus(kept.status());
        if (kept.contentType() != null) {
            response.setContentType(kept.contentType());
        }
        if (kept.location() != null) {
            response.setHeader("Location", kept.location());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(kept.body().length);
        response.getOutputStream().write(kept.body());
    }

    private static boolean wellFormed(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }

    /** The same method, path and body make the same request (decision D9); a different one is a reuse. */
    static byte[] fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The request, with the body this filter has read given again to whoever reads it next. */
    private static final class RequestWithBody extends HttpServletRequestWrapper {

        private final byte[] body;

        RequestWithBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
