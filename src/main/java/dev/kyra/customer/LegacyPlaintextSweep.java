package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.personal.DataKeys;
import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals what was stored before encryption (decision D11): after start-up, every customer without a
 * data key that was never erased is given one, and its profile and its owners' are written again
 * with it, sealing their identifiers and dates of birth and giving them blind indexes. Nothing a
 * client sees changes (not even the version). Batch by batch, each customer its own short transaction,
 * so it runs beside traffic; a restart part way simply starts over with what is left.
 */
@Component
class LegacyPlaintextSweep {

    private static final Logger log = LoggerFactory.getLogger(LegacyPlaintextSweep.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final DataKeys dataKeys;
    private final TransactionTemplate transactions;

    LegacyPlaintextSweep(JdbcClient jdbc, CustomerRepository customers, OwnerRepository owners, DataKeys dataKeys,
                         TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.owners = owners;
        this.dataKeys = dataKeys;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (dataKeys.encrypting()) {
            Thread.ofVirtual().name("kyra-seal-legacy").start(this::sweep);
        }
    }

    private void sweep() {
        long sealed = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: this is the least
        try {
            while (true) {
                List<Object[]> batch = jdbc.sql("""
                                select id, platform_id, mode from customers
                                where data_key is null and erased_at is null and id > :after order by id limit :limit""")
                        .param("after", after).param("limit", BATCH)
                        .query((row, n) -> new Object[]{row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3)})
                        .list();
                for (Object[] row : batch) {
                    Tenant tenant = new Tenant((UUID) row[1], Mode.fromCode((String) row[2]).orElseThrow());
                    transactions.executeWithoutResult(status -> seal(tenant, (UUID) row[0]));
                    after = (UUID) row[0];
                }
                sealed += batch.size();
                if (batch.size() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("sealing the personal data stored before encryption stopped after {} customer(s): {}", sealed, e.toString());
            return;
        }
        if (sealed > 0) {
            log.info("sealed the personal data of {} customer(s) stored before encryption", sealed);
        }
    }

    /** Locking gives the customer its key; writing it back, unchanged, seals with it. */
    private void seal(Tenant tenant, UUID id) {
        Customer customer = customers.lock(tenant, CustomerRef.id(id));
        customers.update(customer);
        owners.findByCustomer(customer).forEach(owner -> owners.update(customer, owner));
    }
}
