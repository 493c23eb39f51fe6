package dev.kyra.reviewers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is reviewing a case. Opening a case claims it for {@link #TERM}, renewed on each opening and
 * decision; while a claim holds, another reviewer sees who has the case and cannot decide it. A
 * claim ends when its holder releases it or its term runs out.
 */
@Service
public class CaseClaims {

    public static final Duration TERM = Duration.ofMinutes(15);

    /** The claim on a case after an attempt to take it: its holder, and whether that is the asker. */
    public record Claim(Reviewer holder, boolean mine, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final ReviewerService reviewers;
    private final Clock clock;

    CaseClaims(JdbcClient jdbc, ReviewerService reviewers, Clock clock) {
        this.jdbc = jdbc;
        this.reviewers = reviewers;
        this.clock = clock;
    }

    /** Claims (or renews) the case for the reviewer unless another reviewer's claim holds. */
    @Transactional
    public Claim claim(UUID customerId, Reviewer reviewer) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into case_claims (customer_id, reviewer_id, expires_at) values (:customer, :reviewer, :until)
                        on conflict (customer_id) do update set reviewer_id = excluded.reviewer_id, expires_at = excluded.expires_at
                        where case_claims.reviewer_id = excluded.reviewer_id or case_claims.expires_at <= :now""")
                .param("customer", customerId).param("reviewer", reviewer.id())
                .param("until", Timestamp.from(now.plus(TERM))).param("now", Timestamp.from(now))
                .update();
        return current(customerId, reviewer).orElseThrow();
    }

    /** The claim that holds on the case now, if any. */
    public Optional<Claim> current(UUID customerId, Reviewer asking) {
        return jdbc.sql("select reviewer_id, expires_at from case_claims where customer_id = :customer and expires_at > :now")
                .param("customer", customerId).param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> new Claim(reviewers.find(row.getObject("reviewer_id", UUID.class)).orElseThrow(),
                        row.getObject("reviewer_id", UUID.class).equals(asking.id()), row.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Ends the reviewer's own claim on the case; another's is left alone. */
    @Transactional
    public void release(UUID customerId, Reviewer reviewer) {
        jdbc.sql("delete from case_claims where customer_id = :customer and reviewer_id = :reviewer")
                .param("customer", customerId).param("reviewer", reviewer.id()).update();
    }
}
