package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.ErasureRepository;
import dev.kyra.database.Timestamps;
import dev.kyra.events.Change;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.files.FileService;
import dev.kyra.ids.ObjectIds;
import dev.kyra.personal.PersonalDataErased;
import dev.kyra.platform.Actor;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data (decision D11), for Kyra's operator acting on a data subject's
 * request. In one transaction: its owners, documents and files go (the stored bytes first), its
 * profile, reference and metadata are cleared, its data key is destroyed, {@code customer.erased} is
 * recorded and the values are stripped from its history. Webhook bodies kept for it are dropped by the
 * outbox in the same statement that records the event, and answers kept under idempotency keys by the
 * edge, on {@link PersonalDataErased}. Idempotent: erasing a tombstone changes nothing.
 */
@Service
public class ErasureService {

    private final CustomerRepository customers;
    private final ErasureRepository erasure;
    private final FileService files;
    private final EventLog events;
    private final CustomerService reads;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ErasureService(CustomerRepository customers, ErasureRepository erasure, FileService files, EventLog events,
                   CustomerService reads, ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.customers = customers;
        this.erasure = erasure;
        this.files = files;
        this.events = events;
        this.reads = reads;
        this.clock = clock;
    }

    @Transactional
    public CustomerDetails erase(Actor actor, UUID customerId) {
        Tenant tenant = customers.tenantOf(customerId).orElseThrow(NotFoundException::customer);
        Customer customer = customers.lockAsIs(tenant, CustomerRef.id(customerId));
        if (erasure.erasedAt(tenant, customerId) == null) {
            erasure.deleteChildren(tenant, customerId);
            files.deleteAllOf(tenant, customerId);
            erasure.clear(customer, Timestamps.now(clock));
            events.record(new Caller(tenant, actor), customerId, Change.data(EventType.CUSTOMER_ERASED, Change.CUSTOMER, List.of()));
            events.forgetValues(tenant, customerId);
            publisher.publishEvent(new PersonalDataErased(tenant, customerId,
                    List.of(customerId.toString(), ObjectIds.base58(customer.objectId()))));
        }
        return reads.get(tenant, CustomerRef.id(customerId));
    }
}
