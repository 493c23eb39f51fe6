package dev.kyra.face.console;

import dev.kyra.reviewers.Reviewer;
import dev.kyra.reviewers.ReviewerService;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs a reviewer in from the console's form, through the reviewers' own rules (hashes, throttling
 * per account and per address). Every refusal reads the same, so it tells nobody which emails exist.
 */
@Component
class ReviewerSignIn implements AuthenticationProvider {

    static final String AUTHORITY = "ROLE_REVIEWER";

    private final ReviewerService reviewers;

    ReviewerSignIn(ReviewerService reviewers) {
        this.reviewers = reviewers;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "unknown";
        Reviewer reviewer = reviewers.signIn(attempt.getName(), (String) attempt.getCredentials(), address)
                .orElseThrow(() -> new BadCredentialsException("Wrong email or password, or too many attempts."));
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(reviewer.id(), reviewer.email()), null,
                List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
