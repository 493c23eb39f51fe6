package dev.kyra.web;

import dev.kyra.platform.Caller;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request on any face: the {@link Caller} it acts as, and the scopes its credential
 * grants as authorities ({@code SCOPE_customer:read}, ...).
 */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.caller = caller;
        setAuthenticated(true);
    }

    /** A caller whose credential grants these scopes, as {@code SCOPE_…} authorities. */
    public static CallerAuthentication withScopes(Caller caller, Collection<String> scopes) {
        return new CallerAuthentication(caller, scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
                .toList());
    }

    /** The caller the current request was authenticated as, if a face's security established one. */
    public static java.util.Optional<Caller> current() {
        org.springframework.security.core.Authentication authentication =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? java.util.Optional.of(caller) : java.util.Optional.empty();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
