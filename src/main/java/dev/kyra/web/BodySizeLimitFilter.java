package dev.kyra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over the limit (1 MiB by default, decision D5) with 413 before anything reads
 * them: at once when Content-Length says so, or as soon as a chunked body passes the limit. Paths
 * with a limit of their own (file uploads) are left to their handlers.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ApiFaces faces;
    private final java.util.List<String> exemptPrefixes;

    BodySizeLimitFilter(long limit, ApiFaces faces, java.util.List<String> exemptPrefixes) {
        this.limit = limit;
        this.faces = faces;
        this.exemptPrefixes = java.util.List.copyOf(exemptPrefixes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return exemptPrefixes.stream().anyMatch(request.getRequestURI()::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            faces.writeError(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLargeMessage());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    String tooLargeMessage() {
        return "The request body is larger than the " + (limit / 1024) + " KiB limit.";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws PayloadTooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
