package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.DocumentRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.customer.internal.TierRequestRepository;
import dev.kyra.database.Timestamps;
import dev.kyra.events.Change;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.platform.Caller;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one writer of every status: a customer's verification status, KYB scope and activity, its owners'
 * and documents' review statuses and its tiers. Each move is asked of {@link Lifecycle}, written, and
 * recorded as an event, in the caller's transaction; a move to where it already is writes nothing. No
 * other code writes a status column ({@code StatusWriterTest} checks).
 */
@Component
class Transitions {

    /** The subject of activity events: apart from the customer's own, whose comments the platform reads. */
    private static final String ACTIVITY = "activity";

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final DocumentRepository documents;
    private final TierRequestRepository tiers;
    private final EventLog events;
    private final Clock clock;

    Transitions(CustomerRepository customers, OwnerRepository owners, DocumentRepository documents,
                TierRequestRepository tiers, EventLog events, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.owners = owners;
        this.documents = documents;
        this.tiers = tiers;
        this.events = events;
    }

    /**
     * Moves the customer, or refuses with {@code refusal} when the table has no such move.
     *
     * @param comment the reviewer's reason, which the platform sees among the customer's recent comments
     */
    Customer move(Caller caller, Customer customer, Lifecycle.CustomerAction action, KybScope scope, String comment,
                  Violation refusal) {
        VerificationStatus next = Lifecycle.customer(customer.verificationStatus(), action)
                .orElseThrow(() -> refused(refusal, "customer " + customer.id()));
        if (next == customer.verificationStatus() && scope == customer.kybScope()) {
            return customer;
        }
        Customer moved = customer.withStatus(next, scope, Timestamps.now(clock));
        customers.updateStatus(moved);
        if (next != customer.verificationStatus()) {
            events.record(caller, customer.id(), Change.status(EventType.STATUS_CHANGED, Change.CUSTOMER,
                    customer.verificationStatus().name(), next.name(), comment));
        }
        return moved; // a change of scope alone is recorded by the upgrade that made it
    }

    /** Activates or deactivates the customer (decision A6); nothing happens when it already is. */
    Customer setActivity(Caller caller, Customer customer, Activity activity, String comment) {
        Activity next = Lifecycle.activity(customer.status(), Lifecycle.ActivityAction.to(activity)).orElseThrow();
        if (next == customer.status()) {
            return customer;
        }
        Customer moved = customer.withActivity(next, Timestamps.now(clock));
        customers.updateStatus(moved);
        events.record(caller, customer.id(), Change.status(EventType.ACTIVITY_CHANGED, ACTIVITY,
                customer.status().code(), next.code(), comment));
        return moved;
    }

    /**
     * Moves one owner, or refuses with {@code refusal}. A reviewer's comment joins the owner's
     * {@code admin_comments}; reopening a REJECTED owner by an edit clears them, since the fix is what
     * the next review looks at (Blaaiz spec §5.3).
     */
    Owner moveOwner(Caller caller, Customer customer, Owner owner, Lifecycle.ChildAction action, String comment,
                    Violation refusal) {
        ReviewStatus next = Lifecycle.child(owner.status(), action).orElseThrow(() -> refused(refusal, "owner " + owner.id()));
        if (next == owner.status()) {
            return owner;
        }
        Owner moved = owner.withStatus(next, commentsAfter(owner.adminComments(), action, comment), Timestamps.now(clock));
        owners.updateStatus(customer.tenant(), moved);
        events.record(caller, customer.id(), Change.status(EventType.OWNER_STATUS_CHANGED, "owner:" + owner.id(),
                owner.status().name(), next.name(), comment));
        return moved;
    }

    /** Moves one document, as {@link #moveOwner} moves an owner. */
    Document moveDocument(Caller caller, Customer customer, Document document, Lifecycle.ChildAction action,
                          String comment, Violation refusal) {
        ReviewStatus next = Lifecycle.child(document.status(), action).orElseThrow(() -> refused(refusal, "document " + document.id()));
        if (next == document.status()) {
            return document;
        }
        Document moved = document.withStatus(next, commentsAfter(document.adminComments(), action, comment), Timestamps.now(clock));
        documents.updateStatus(customer.tenant(), moved);
        events.record(caller, customer.id(), Change.status(EventType.DOCUMENT_STATUS_CHANGED, "document:" + document.id(),
                document.status().name(), next.name(), comment));
        return moved;
    }

    /** Moves every owner and document the action applies to; the rest keep their status. */
    void moveChildren(Caller caller, Customer customer, List<Owner> customerOwners, List<Document> customerDocuments,
                      Lifecycle.ChildAction action) {
        for (Owner owner : customerOwners) {
            if (Lifecycle.child(owner.status(), action).isPresent()) {
                moveOwner(caller, customer, owner, action, null, null);
            }
        }
        for (Document document : customerDocuments) {
            if (Lifecycle.child(document.status(), action).isPresent()) {
                moveDocument(caller, customer, document, action, null, null);
            }
        }
    }

    /**
     * Moves one tier, or refuses with {@code refusal}. A decision is a change of the customer too:
     * platforms read it from the customer's {@code updatedAt}.
     *
     * @param current the tier as it stands, empty when it was never asked for
     */
    TierRequest moveTier(Caller caller, Customer customer, Tier tier, Optional<TierRequest> current,
                         Lifecycle.TierAction action, Violation refusal) {
        TierStatus from = current.map(TierRequest::status).orElse(null);
        TierStatus next = Lifecycle.tier(from, action).orElseThrow(() -> refused(refusal, "tier " + tier.code()));
        if (next == from) {
            return current.orElseThrow();
        }
        Instant now = Timestamps.now(clock);
        TierRequest moved = new TierRequest(tier, next, current.map(TierRequest::createdAt).orElse(now), now);
        tiers.updateStatus(customer.tenant(), customer.id(), moved);
        if (action != Lifecycle.TierAction.REQUEST) {
            customers.updateStatus(customer.touched(now));
        }
        events.record(caller, customer.id(), Change.status(
                action == Lifecycle.TierAction.REQUEST ? EventType.TIER_REQUESTED : EventType.TIER_DECIDED,
                "tier:" + tier.code(), from == null ? null : from.code(), next.code(), null));
        return moved;
    }

    private static List<String> commentsAfter(List<String> comments, Lifecycle.ChildAction action, String comment) {
        if (action == Lifecycle.ChildAction.EDIT) {
            return null;
        }
        if (comment == null) {
            return comments;
        }
        List<String> all = comments == null ? new ArrayList<>() : new ArrayList<>(comments);
        all.add(comment);
        return all;
    }

    /**
     * The refusal of a move the table does not have; without one the caller had checked the move, and
     * its absence is a bug.
     *
     * @param what names the record by id alone: a profile holds personal data
     */
    private static RuntimeException refused(Violation refusal, String what) {
        return refusal != null ? new ActionRefusedException(refusal)
                : new IllegalStateException(what + " was checked movable and is not");
    }
}
