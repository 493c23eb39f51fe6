package dev.kyra.customer;

import dev.kyra.database.Timestamps;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' decisions (Blaaiz spec §5, decision A5): on a customer under review, on each of its
 * owners and documents, and on the tiers a platform asked for. Reviewers act for Kyra's operator, so
 * they name a customer by its id alone; the customer's own tenant scopes everything after that.
 * Every decision goes through {@link Lifecycle} and is written with its audit entry.
 */
@Service
public class ReviewService {

    /** A reviewer's verdict: on an owner or document approve or reject, on a tier verify or fail. */
    public enum Verdict { APPROVE, REJECT }

    /** Who a reviewer's decisions are recorded as in a customer's history. */
    public static final String REVIEWER = "reviewer";

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final DocumentRepository documents;
    private final TierRequestRepository verifications;
    private final ReviewQueueRepository queue;
    private final Transitions transitions;
    private final AuditLog audit;
    private final CustomerService reads;

    ReviewService(CustomerRepository customers, OwnerRepository owners, DocumentRepository documents,
                  TierRequestRepository verifications, ReviewQueueRepository queue, Transitions transitions,
                  AuditLog audit, CustomerService reads) {
        this.customers = customers;
        this.owners = owners;
        this.documents = documents;
        this.verifications = verifications;
        this.queue = queue;
        this.transitions = transitions;
        this.audit = audit;
        this.reads = reads;
    }

    /** @param platformId only this platform's customers, or null for every platform's */
    public List<ReviewQueueEntry> queue(UUID platformId, int limit) {
        return queue.oldestFirst(platformId, limit);
    }

    /** The tenant a customer belongs to: what a reviewer acts as. */
    public Tenant tenantOf(UUID customerId) {
        return customers.tenantOf(customerId).orElseThrow(NotFoundException::customer);
    }

    public CustomerDetails details(UUID customerId) {
        return reads.get(tenantOf(customerId), CustomerRef.id(customerId));
    }

    public List<AuditEntry> history(UUID customerId) {
        return reads.history(tenantOf(customerId), CustomerRef.id(customerId));
    }

    /**
     * Verifies a customer under review: its owners and documents under review are approved with it.
     * Refused while any of them is REJECTED: the platform must fix it first.
     */
    @Transactional
    public CustomerDetails approve(UUID customerId, String comment) {
        Caller reviewer = reviewerOf(customerId);
        Customer customer = lock(reviewer, customerId);
        requireUnderReview(customer, "approved");
        List<Owner> customerOwners = owners.findByCustomer(reviewer.tenant(), customerId);
        List<Document> customerDocuments = documents.findByCustomer(reviewer.tenant(), customerId);
        boolean anyRejected = customerOwners.stream().anyMatch(owner -> owner.status() == ReviewStatus.REJECTED)
                || customerDocuments.stream().anyMatch(document -> document.status() == ReviewStatus.REJECTED);
        if (anyRejected) {
            throw new ActionRefusedException(Violation.general(
                    "A customer cannot be approved while one of its owners or documents is rejected."));
        }
        transitions.moveChildren(reviewer, customer, customerOwners, customerDocuments,
                Lifecycle.ChildAction.CUSTOMER_APPROVED);
        transitions.move(reviewer, customer, Lifecycle.CustomerAction.APPROVE, customer.kybScope(), comment, true, null);
        return details(customerId);
    }

    /** Rejects a customer under review; its owners and documents under review go back to PENDING. */
    @Transactional
    public CustomerDetails reject(UUID customerId, String comment) {
        Caller reviewer = reviewerOf(customerId);
        Customer customer = lock(reviewer, customerId);
        requireUnderReview(customer, "rejected");
        transitions.moveChildren(reviewer, customer, owners.findByCustomer(reviewer.tenant(), customerId),
                documents.findByCustomer(reviewer.tenant(), customerId), Lifecycle.ChildAction.CUSTOMER_REJECTED);
        transitions.move(reviewer, customer, Lifecycle.CustomerAction.REJECT, customer.kybScope(), comment, true, null);
        return details(customerId);
    }

    /** Approves or rejects one owner under review; the comment joins its {@code admin_comments}. */
    @Transactional
    public CustomerDetails decideOwner(UUID customerId, String ownerId, Verdict verdict, String comment) {
        Caller reviewer = reviewerOf(customerId);
        Customer customer = lock(reviewer, customerId);
        Owner owner = RecordIds.parse(ownerId).flatMap(id -> owners.find(reviewer.tenant(), customerId, id))
                .orElseThrow(NotFoundException::owner);
        ReviewStatus next = decide(owner.status(), verdict, "an owner");
        owners.update(reviewer.tenant(), owner.reviewed(next, withComment(owner.adminComments(), comment), Timestamps.now()));
        audit.reviewed(reviewer, customer.id(), "owner:" + owner.id(), owner.status().name(), next.name(), comment);
        return details(customerId);
    }

    /** Approves or rejects one document under review; the comment joins its {@code admin_comments}. */
    @Transactional
    public CustomerDetails decideDocument(UUID customerId, String documentId, Verdict verdict, String comment) {
        Caller reviewer = reviewerOf(customerId);
        Customer customer = lock(reviewer, customerId);
        Document document = RecordIds.parse(documentId).flatMap(id -> documents.find(reviewer.tenant(), customerId, id))
                .orElseThrow(NotFoundException::document);
        ReviewStatus next = decide(document.status(), verdict, "a document");
        documents.update(reviewer.tenant(),
                document.reviewed(next, withComment(document.adminComments(), comment), Timestamps.now()));
        audit.reviewed(reviewer, customer.id(), "document:" + document.id(), document.status().name(), next.name(), comment);
        return details(customerId);
    }

    /** A reviewer's verdict on a pending tier. */
    @Transactional
    public CustomerDetails decideTier(UUID customerId, Tier tier, Verdict verdict) {
        return decideTier(reviewerOf(customerId), CustomerRef.id(customerId), tier, verdict);
    }

    /**
     * A verdict on a pending tier given by the caller itself: a test-mode platform simulating its
     * reviewers (the Allawee face's simulation routes).
     */
    @Transactional
    public CustomerDetails decideTier(Caller caller, CustomerRef ref, Tier tier, Verdict verdict) {
        Lifecycle.TierAction decision = verdict == Verdict.APPROVE ? Lifecycle.TierAction.VERIFY : Lifecycle.TierAction.FAIL;
        Customer customer = customers.lock(caller.tenant(), ref);
        Optional<TierRequest> current = verifications.findByCustomer(caller.tenant(), customer.id()).stream()
                .filter(verification -> verification.tier() == tier).findFirst();
        TierStatus from = current.map(TierRequest::status).orElse(null);
        TierStatus next = Lifecycle.tier(from, decision).orElseThrow(() -> new ActionRefusedException(Violation.general(
                "Only a pending tier can be " + (decision == Lifecycle.TierAction.VERIFY ? "verified" : "failed")
                        + "; " + tier.code() + " is " + (from == null ? "not requested" : from.code()) + ".")));
        Instant now = Timestamps.now();
        verifications.save(caller.tenant(), customer.id(), new TierRequest(tier, next, current.orElseThrow().createdAt(), now));
        customers.updateStatus(customer.touched(now));
        audit.reviewed(caller, customer.id(), "tier:" + tier.code(), from.code(), next.code(), null);
        return reads.get(caller.tenant(), CustomerRef.id(customer.id()));
    }

    /** Activates or deactivates a customer (decision A6): a reviewer's call, not the platform's. */
    @Transactional
    public CustomerDetails setActivity(UUID customerId, Activity status, String comment) {
        Caller reviewer = reviewerOf(customerId);
        Customer customer = lock(reviewer, customerId);
        if (customer.status() != status) {
            customers.updateStatus(customer.withActivity(status, Timestamps.now()));
            audit.reviewed(reviewer, customer.id(), "activity", customer.status().code(), status.code(), comment);
        }
        return details(customerId);
    }

    private Caller reviewerOf(UUID customerId) {
        return new Caller(tenantOf(customerId), REVIEWER);
    }

    private Customer lock(Caller reviewer, UUID customerId) {
        return customers.lock(reviewer.tenant(), CustomerRef.id(customerId));
    }

    private static void requireUnderReview(Customer customer, String outcome) {
        if (customer.verificationStatus() != VerificationStatus.PROCESSING) {
            throw new ActionRefusedException(Violation.general("Only a customer under review can be " + outcome
                    + "; this one is " + customer.verificationStatus().name() + "."));
        }
    }

    private static ReviewStatus decide(ReviewStatus from, Verdict verdict, String kind) {
        Lifecycle.ChildAction decision = verdict == Verdict.APPROVE ? Lifecycle.ChildAction.APPROVE : Lifecycle.ChildAction.REJECT;
        return Lifecycle.child(from, decision).orElseThrow(() -> new ActionRefusedException(Violation.general(
                "Only " + kind + " under review can be " + (verdict == Verdict.APPROVE ? "approved" : "rejected")
                        + "; this one is " + from.name() + ".")));
    }

    private static List<String> withComment(List<String> comments, String comment) {
        if (comment == null) {
            return comments;
        }
        List<String> all = comments == null ? new ArrayList<>() : new ArrayList<>(comments);
        all.add(comment);
        return all;
    }
}
