package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.DocumentRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.customer.internal.ReviewQueueRepository;
import dev.kyra.customer.internal.TierRequestRepository;
import dev.kyra.events.CustomerEvent;
import dev.kyra.platform.Actor;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.Violation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' decisions (Blaaiz spec §5, decision A5): on a customer under review, on each of its
 * owners and documents, and on the tiers a platform asked for. Reviewers act for Kyra's operator, so
 * they name a customer by its id alone; the customer's own tenant scopes everything after that.
 * Every decision is a move of {@link Transitions}, recorded with its actor: a named reviewer through
 * the console, the admin token through the admin API.
 */
@Service
public class ReviewService {

    /** A reviewer's verdict: on an owner or document approve or reject, on a tier verify or fail. */
    public enum Verdict { APPROVE, REJECT }

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final DocumentRepository documents;
    private final TierRequestRepository verifications;
    private final ReviewQueueRepository queue;
    private final Transitions transitions;
    private final CustomerService reads;
    private final FourEyes fourEyes;
    private final CustomerMetrics metrics;

    ReviewService(CustomerRepository customers, OwnerRepository owners, DocumentRepository documents,
                  TierRequestRepository verifications, ReviewQueueRepository queue, Transitions transitions, CustomerService reads,
                  FourEyes fourEyes, CustomerMetrics metrics) {
        this.metrics = metrics;
        this.fourEyes = fourEyes;
        this.customers = customers;
        this.owners = owners;
        this.documents = documents;
        this.verifications = verifications;
        this.queue = queue;
        this.transitions = transitions;
        this.reads = reads;
    }

    public List<ReviewQueueEntry> queue(QueueFilter filter, int limit) {
        return queue.oldestFirst(filter, limit);
    }

    /** The tenant a customer belongs to: what a reviewer acts as. */
    public Tenant tenantOf(UUID customerId) {
        return customers.tenantOf(customerId).orElseThrow(NotFoundException::customer);
    }

    public CustomerDetails details(UUID customerId) {
        return reads.get(tenantOf(customerId), CustomerRef.id(customerId));
    }

    public List<CustomerEvent> history(UUID customerId) {
        return reads.history(tenantOf(customerId), CustomerRef.id(customerId));
    }

    /**
     * Verifies a customer under review: its owners and documents under review are approved with it.
     * Refused while any of them is REJECTED: the platform must fix it first.
     */
    @Transactional
    public CustomerDetails approve(Actor actor, UUID customerId, String comment) {
        Caller reviewer = reviewerOf(actor, customerId);
        Customer customer = lock(reviewer, customerId);
        requireUnderReview(customer, "approved");
        List<Owner> customerOwners = owners.findByCustomer(customer);
        List<Document> customerDocuments = documents.findByCustomer(reviewer.tenant(), customerId);
        boolean anyRejected = customerOwners.stream().anyMatch(owner -> owner.status() == ReviewStatus.REJECTED)
                || customerDocuments.stream().anyMatch(document -> document.status() == ReviewStatus.REJECTED);
        if (anyRejected) {
            throw new ActionRefusedException(Violation.general(
                    "A customer cannot be approved while one of its owners or documents is rejected."));
        }
        if (!fourEyes.approves(reviewer, customerId, comment)) {
            metrics.decided(CustomerMetrics.Decision.CUSTOMER_FIRST_APPROVAL);
            return details(customerId); // the first of two approvals
        }
        transitions.moveChildren(reviewer, customer, customerOwners, customerDocuments,
                Lifecycle.ChildAction.CUSTOMER_APPROVED);
        transitions.move(reviewer, customer, Lifecycle.CustomerAction.APPROVE, customer.kybScope(), comment, null);
        metrics.decided(CustomerMetrics.Decision.CUSTOMER_APPROVED);
        return details(customerId);
    }

    /** Rejects a customer under review; its owners and documents under review go back to PENDING. */
    @Transactional
    public CustomerDetails reject(Actor actor, UUID customerId, String comment) {
        Caller reviewer = reviewerOf(actor, customerId);
        Customer customer = lock(reviewer, customerId);
        requireUnderReview(customer, "rejected");
        transitions.moveChildren(reviewer, customer, owners.findByCustomer(customer),
                documents.findByCustomer(reviewer.tenant(), customerId), Lifecycle.ChildAction.CUSTOMER_REJECTED);
        transitions.move(reviewer, customer, Lifecycle.CustomerAction.REJECT, customer.kybScope(), comment, null);
        metrics.decided(CustomerMetrics.Decision.CUSTOMER_REJECTED);
        return details(customerId);
    }

    /** Approves or rejects one owner under review; the comment joins its {@code admin_comments}. */
    @Transactional
    public CustomerDetails decideOwner(Actor actor, UUID customerId, String ownerId, Verdict verdict, String comment) {
        Caller reviewer = reviewerOf(actor, customerId);
        Customer customer = lock(reviewer, customerId);
        Owner owner = RecordIds.parse(ownerId).flatMap(id -> owners.find(customer, id))
                .orElseThrow(NotFoundException::owner);
        transitions.moveOwner(reviewer, customer, owner, decision(verdict), comment,
                notUnderReview(owner.status(), verdict, "an owner"));
        metrics.decided(verdict == Verdict.APPROVE ? CustomerMetrics.Decision.OWNER_APPROVED
                : CustomerMetrics.Decision.OWNER_REJECTED);
        return details(customerId);
    }

    /** Approves or rejects one document under review; the comment joins its {@code admin_comments}. */
    @Transactional
    public CustomerDetails decideDocument(Actor actor, UUID customerId, String documentId, Verdict verdict, String comment) {
        Caller reviewer = reviewerOf(actor, customerId);
        Customer customer = lock(reviewer, customerId);
        Document document = RecordIds.parse(documentId).flatMap(id -> documents.find(reviewer.tenant(), customerId, id))
                .orElseThrow(NotFoundException::document);
        transitions.moveDocument(reviewer, customer, document, decision(verdict), comment,
                notUnderReview(document.status(), verdict, "a document"));
        metrics.decided(verdict == Verdict.APPROVE ? CustomerMetrics.Decision.DOCUMENT_APPROVED
                : CustomerMetrics.Decision.DOCUMENT_REJECTED);
        return details(customerId);
    }

    /** A reviewer's verdict on a pending tier. */
    @Transactional
    public CustomerDetails decideTier(Actor actor, UUID customerId, Tier tier, Verdict verdict) {
        CustomerDetails decided = decideTier(reviewerOf(actor, customerId), CustomerRef.id(customerId), tier, verdict);
        metrics.decided(verdict == Verdict.APPROVE ? CustomerMetrics.Decision.TIER_VERIFIED
                : CustomerMetrics.Decision.TIER_FAILED);
        return decided;
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
                .filter(request -> request.tier() == tier).findFirst();
        String from = current.map(request -> request.status().code()).orElse("not requested");
        transitions.moveTier(caller, customer, tier, current, decision, Violation.general("Only a pending tier can be "
                + (decision == Lifecycle.TierAction.VERIFY ? "verified" : "failed") + "; " + tier.code() + " is " + from + "."));
        return reads.get(caller.tenant(), CustomerRef.id(customer.id()));
    }

    /** Activates or deactivates a customer (decision A6): a reviewer's call, not the platform's. */
    @Transactional
    public CustomerDetails setActivity(Actor actor, UUID customerId, Activity activity, String comment) {
        Caller reviewer = reviewerOf(actor, customerId);
        transitions.setActivity(reviewer, lock(reviewer, customerId), activity, comment);
        return details(customerId);
    }

    /** The decision's caller: the reviewer (or the admin token), acting in the customer's own tenant. */
    private Caller reviewerOf(Actor actor, UUID customerId) {
        return new Caller(tenantOf(customerId), actor);
    }

    /** Under four eyes, who gave the first approval that waits for a second; empty otherwise. */
    public Optional<String> firstApprovalOf(UUID customerId) {
        return fourEyes.waiting(customerId);
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

    private static Lifecycle.ChildAction decision(Verdict verdict) {
        return verdict == Verdict.APPROVE ? Lifecycle.ChildAction.APPROVE : Lifecycle.ChildAction.REJECT;
    }

    private static Violation notUnderReview(ReviewStatus status, Verdict verdict, String kind) {
        return Violation.general("Only " + kind + " under review can be " + (verdict == Verdict.APPROVE ? "approved" : "rejected")
                + "; this one is " + status.name() + ".");
    }
}
