package dev.kyra.edge;

import dev.kyra.platform.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.kyra.platform.PlatformService;
import dev.kyra.platform.RateLimitOverrides;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.CallerAuthentication;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Decision D10: each credential may make so many requests a minute and an hour, counted across all
 * nodes ({@link SharedCounts}); its platform's own limits, where set, replace Kyra's defaults.
 */
@Component
public class RateLimits {

    private static final int[] WINDOWS = {SharedCounts.MINUTE, SharedCounts.HOUR};

    private final SharedCounts counts;
    private final PlatformService platforms;
    private final RateLimitProperties defaults;
    private final ApiFaces faces;
    private final Counter refusals;

    RateLimits(SharedCounts counts, PlatformService platforms, RateLimitProperties defaults, ApiFaces faces,
               MeterRegistry registry) {
        this.refusals = refusals(registry, "credential");
        this.counts = counts;
        this.platforms = platforms;
        this.defaults = defaults;
        this.faces = faces;
    }

    /** Counts one request of this caller's credential, unless it is over a limit. */
    RateLimitVerdict take(Caller caller) {
        RateLimitOverrides own = platforms.rememberedSettingsOf(caller.tenant().platformId()).rateLimits();
        int[] limits = {own.perMinute() != null ? own.perMinute() : defaults.perMinute(),
                own.perHour() != null ? own.perHour() : defaults.perHour()};
        if (limits[0] == 0 && limits[1] == 0) {
            return RateLimitVerdict.UNLIMITED;
        }
        SharedCounts.Usage usage = counts.subject(caller.actor().toString(), WINDOWS).take(counts.nowSeconds(), limits);
        return new RateLimitVerdict(usage.allowed(), limits, usage.used(), usage.resets(), counts.nowSeconds());
    }

    /**
     * The filter a face puts in its chain once its credential is known: it counts the request, adds
     * the rate-limit headers, and answers 429 in the face's shape past a limit.
     *
     * @param callers who is calling, or empty where no credential was established (the request then passes uncounted)
     */
    public Filter filter(Function<HttpServletRequest, Optional<Caller>> callers) {
        return new RateLimitFilter(this, callers, faces, refusals);
    }

    /** The counter of requests refused by one kind of limit: a credential's, or an address's failed authentications. */
    static Counter refusals(MeterRegistry registry, String limit) {
        return Counter.builder("kyra.rate_limit.refusals").description("Requests this node refused with 429")
                .tag("limit", limit).register(registry);
    }

    /** The filter for chains whose authentication establishes a {@link dev.kyra.web.CallerAuthentication}. */
    public Filter filter() {
        return filter(request -> CallerAuthentication.current());
    }
}
