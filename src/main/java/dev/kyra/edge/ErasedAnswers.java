package dev.kyra.edge;

import dev.kyra.personal.PersonalDataErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops the answers kept under idempotency keys that render an erased customer (decision D11): they
 * hold its identifiers, sealed but readable back. Run in the erasure's own transaction.
 */
@Component
class ErasedAnswers {

    private final IdempotencyKeys keys;

    ErasedAnswers(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @EventListener
    void forget(PersonalDataErased erased) {
        keys.forgetAnswersNaming(erased.tenant(), erased.names());
    }
}
