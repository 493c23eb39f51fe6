package dev.kyra.customer;

import dev.kyra.profile.CustomerType;
import java.util.UUID;

/**
 * Which waiting customers a reviewer looks at; a null component does not filter.
 *
 * @param search a part of the customer's name, email or reference (any case), or its id
 */
public record QueueFilter(UUID platformId, CustomerType type, VerificationStatus status, Tier tier, String search) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, null);

    public static QueueFilter platform(UUID platformId) {
        return new QueueFilter(platformId, null, null, null, null);
    }
}
