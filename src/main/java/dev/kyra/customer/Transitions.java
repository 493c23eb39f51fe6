package dev.kyra.customer;

import dev.kyra.database.Timestamps;
import dev.kyra.platform.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies {@link Lifecycle} moves and writes them, each with its audit entry, in the caller's
 * transaction. Nothing else changes a verification status.
 */
@Component
class Transitions {

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final DocumentRepository documents;
    private final AuditLog audit;

    Transitions(CustomerRepository customers, OwnerRepository owners, DocumentRepository documents, AuditLog audit) {
        this.customers = customers;
        this.owners = owners;
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * Moves the customer, or refuses with {@code refusal} when the table has no such move.
     *
     * @param reviewed whether a reviewer decided (their comment is then shown to the platform)
     */
    Customer move(Caller caller, Customer customer, Lifecycle.CustomerAction action, KybScope scope, String comment,
                  boolean reviewed, Violation refusal) {
        VerificationStatus next = Lifecycle.customer(customer.verificationStatus(), action)
                .orElseThrow(() -> new ActionRefusedException(refusal));
        Customer moved = customer.withStatus(next, scope, Timestamps.now());
        customers.updateStatus(moved);
        if (next == customer.verificationStatus()) {
            return moved; // only the scope changed; the caller records why
        }
        String from = customer.verificationStatus().name();
        if (reviewed) {
            audit.reviewed(caller, customer.id(), "customer", from, next.name(), comment);
        } else {
            audit.statusChanged(caller, customer.id(), "customer", from, next.name(), comment);
        }
        return moved;
    }

    /** Moves every owner and document the action applies to; the rest keep their status. */
    void moveChildren(Caller caller, Customer customer, List<Owner> customerOwners, List<Document> customerDocuments,
                      Lifecycle.ChildAction action) {
        Instant now = Timestamps.now();
        for (Owner owner : customerOwners) {
            Lifecycle.child(owner.status(), action).filter(next -> next != owner.status()).ifPresent(next -> {
                owners.update(customer.tenant(), owner.reviewed(next, owner.adminComments(), now));
                audit.statusChanged(caller, customer.id(), "owner:" + owner.id(), owner.status().name(), next.name(), null);
            });
        }
        for (Document document : customerDocuments) {
            Lifecycle.child(document.status(), action).filter(next -> next != document.status()).ifPresent(next -> {
                documents.update(customer.tenant(), document.reviewed(next, document.adminComments(), now));
                audit.statusChanged(caller, customer.id(), "document:" + document.id(), document.status().name(),
                        next.name(), null);
            });
        }
    }
}
