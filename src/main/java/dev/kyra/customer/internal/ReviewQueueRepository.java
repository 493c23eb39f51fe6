package dev.kyra.customer.internal;

import dev.kyra.customer.CustomerQueries;
import dev.kyra.customer.QueueFilter;
import dev.kyra.customer.ReviewQueueEntry;
import dev.kyra.customer.Tier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What waits for a reviewer, across every platform and mode (reviewers work for Kyra's operator, not
 * for one tenant): customers under review and tiers asked for, longest wait first. Both halves are
 * read through partial indexes that hold only waiting rows, so the queue stays cheap however many
 * customers are settled.
 */
@Repository
public class ReviewQueueRepository {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;

    public ReviewQueueRepository(JdbcClient jdbc, CustomerRepository customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    public List<ReviewQueueEntry> oldestFirst(QueueFilter filter, int limit) {
        UUID platformId = filter.platformId();
        return jdbc.sql("select " + CustomerRepository.COLUMNS + """
                        , waiting.since, waiting.tiers
                        from customers join (
                            select customer_id, min(since) as since, array_remove(array_agg(tier order by tier), null) as tiers
                            from (
                                select id as customer_id, review_requested_at as since, null as tier
                                from customers where verification_status = 'PROCESSING'
                                    and (cast(:platform as uuid) is null or platform_id = :platform)
                                union all
                                select customer_id, updated_at, tier from customer_verifications where status = 'pending'
                                    and (cast(:platform as uuid) is null or platform_id = :platform)
                            ) as entries
                            group by customer_id
                        ) as waiting on waiting.customer_id = customers.id
                        where (cast(:type as text) is null or customers.type = :type)
                          and (cast(:status as text) is null or customers.verification_status = :status)
                          and (cast(:tier as text) is null or :tier = any(waiting.tiers))
                          and (cast(:search as text) is null or customers.id::text = :search
                               or strpos(lower(coalesce(%s, '')), lower(:search)) > 0
                               or strpos(lower(coalesce(customers.email, '')), lower(:search)) > 0
                               or strpos(lower(coalesce(customers.reference, '')), lower(:search)) > 0)
                        order by waiting.since, customers.id
                        limit :limit""".formatted(CustomerQueries.DISPLAY_NAME_SQL))
                .param("platform", platformId)
                .param("type", filter.type() == null ? null : filter.type().code())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("tier", filter.tier() == null ? null : filter.tier().code())
                .param("search", filter.search() == null || filter.search().isBlank() ? null : filter.search().strip())
                .param("limit", limit)
                .query((row, n) -> new ReviewQueueEntry(customers.map(row, n),
                        row.getTimestamp("since").toInstant(),
                        Arrays.stream((String[]) row.getArray("tiers").getArray())
                                .map(code -> Tier.fromCode(code).orElseThrow()).toList()))
                .list();
    }
}
