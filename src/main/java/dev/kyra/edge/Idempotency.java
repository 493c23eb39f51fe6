package dev.kyra.edge;

import dev.kyra.web.ApiFaces;
import jakarta.servlet.Filter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Decision D9's filter, for each face to put in its chain after authorization. */
@Component
public class Idempotency {

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final ApiFaces faces;

    Idempotency(IdempotencyKeys keys, PlatformTransactionManager transactions, ApiFaces faces) {
        this.keys = keys;
        this.transactions = transactions;
        this.faces = faces;
    }

    /** Runs each POST with an {@code Idempotency-Key} as decision D9 says; other requests pass untouched. */
    public Filter filter() {
        return new IdempotencyFilter(keys, transactions, faces);
    }
}
