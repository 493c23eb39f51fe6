package dev.kyra.face.console;

import dev.kyra.reviewers.Reviewer;
import dev.kyra.reviewers.ReviewerService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in reviewer on every console request: a reviewer disabled since signing in has
 * their session ended at once. Controllers read the fresh account with {@link #of}.
 */
final class ActiveReviewer extends OncePerRequestFilter {

    private static final String ATTRIBUTE = ActiveReviewer.class.getName();

    private final ReviewerService reviewers;

    ActiveReviewer(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    static Optional<Reviewer> of(HttpServletRequest request) {
        return Optional.ofNullable((Reviewer) request.getAttribute(ATTRIBUTE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
            Optional<Reviewer> reviewer = reviewers.find(signedIn.reviewerId()).filter(Reviewer::enabled);
            if (reviewer.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + ConsoleSecurity.ROOT + "/?ended");
                return;
            }
            request.setAttribute(ATTRIBUTE, reviewer.get());
        }
        chain.doFilter(request, response);
    }
}
