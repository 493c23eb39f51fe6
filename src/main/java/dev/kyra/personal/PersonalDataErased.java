package dev.kyra.personal;

import dev.kyra.platform.Tenant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's personal data was erased, published inside the erasure's transaction, for what keeps
 * copies the customer module does not own (the answers kept under idempotency keys) to drop them with
 * it: whatever fails rolls the erasure back.
 *
 * @param names the texts by which a face's answer names the customer: its UUID, its object id in base58
 */
public record PersonalDataErased(Tenant tenant, UUID customerId, List<String> names) {
}
