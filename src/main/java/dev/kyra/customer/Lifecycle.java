package dev.kyra.customer;

import static dev.kyra.customer.ReviewStatus.APPROVED;
import static dev.kyra.customer.ReviewStatus.PROCESSING;
import static dev.kyra.customer.ReviewStatus.REJECTED;
import static dev.kyra.customer.VerificationStatus.PENDING;
import static dev.kyra.customer.VerificationStatus.VERIFIED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every verification-state transition of a customer, its owners and documents, and its tiers: one
 * table each, and nothing moves that is not in a table (Blaaiz spec §5, decisions A5, B5). Callers
 * ask where an action leads; an empty answer means the action is not allowed in that state.
 *
 * <pre>
 * customer            SUBMIT        SUBMIT_AUTO   APPROVE    REJECT     UPGRADE_SCOPE
 *   PENDING           PROCESSING    VERIFIED      -          -          PENDING
 *   PROCESSING        -             -             VERIFIED   REJECTED   -
 *   VERIFIED          -             -             -          -          PENDING
 *   REJECTED          PROCESSING    VERIFIED      -          -          REJECTED
 *
 * owner, document     EDIT      DELETE   SUBMIT      SUBMIT_AUTO  APPROVE   REJECT    CUSTOMER_APPROVED  CUSTOMER_REJECTED
 *   PENDING           PENDING   gone     PROCESSING  APPROVED     -         -         PENDING            PENDING
 *   PROCESSING        -         -        PROCESSING  APPROVED     APPROVED  REJECTED  APPROVED           PENDING
 *   APPROVED          -         -        APPROVED    APPROVED     -         -         APPROVED           APPROVED
 *   REJECTED          PENDING   gone     REJECTED    APPROVED     -         -         REJECTED           REJECTED
 *
 * tier                REQUEST   VERIFY    FAIL
 *   (not asked)       pending   -         -
 *   pending           pending   verified  failed
 *   verified          verified  -         -
 *   failed            pending   -         -
 *
 * activity            ACTIVATE  DEACTIVATE
 *   ACTIVE            ACTIVE    INACTIVE
 *   INACTIVE          ACTIVE    INACTIVE
 * </pre>
 *
 * A customer is approved only when none of its owners or documents is REJECTED (checked by the
 * caller, which sees them all); editing a REJECTED child reopens it as PENDING and clears the
 * reviewer's comments. {@link Transitions} is the one writer of every move.
 */
public final class Lifecycle {

    /** What can happen to a customer's verification status. */
    public enum CustomerAction { SUBMIT, SUBMIT_AUTO, APPROVE, REJECT, UPGRADE_SCOPE }

    /** What can happen to an owner or a document. DELETE leads nowhere: the child is gone. */
    public enum ChildAction { EDIT, DELETE, SUBMIT, SUBMIT_AUTO, APPROVE, REJECT, CUSTOMER_APPROVED, CUSTOMER_REJECTED }

    /** What can happen to a tier. */
    public enum TierAction { REQUEST, VERIFY, FAIL }

    /** What a reviewer can do to whether a customer may transact (decision A6). */
    public enum ActivityAction {
        ACTIVATE, DEACTIVATE;

        /** The action that leads to {@code activity}. */
        public static ActivityAction to(Activity activity) {
            return activity == Activity.ACTIVE ? ACTIVATE : DEACTIVATE;
        }
    }

    private static final Map<VerificationStatus, Map<CustomerAction, VerificationStatus>> CUSTOMER =
            new EnumMap<>(VerificationStatus.class);
    private static final Map<ReviewStatus, Map<ChildAction, ReviewStatus>> CHILD = new EnumMap<>(ReviewStatus.class);
    /** Keyed by the tier's status; a tier not asked for yet is the {@code null} row. */
    private static final Map<TierStatus, Map<TierAction, TierStatus>> TIER = new java.util.HashMap<>();
    private static final Map<Activity, Map<ActivityAction, Activity>> ACTIVITY = new EnumMap<>(Activity.class);

    static {
        customer(PENDING, CustomerAction.SUBMIT, VerificationStatus.PROCESSING);
        customer(PENDING, CustomerAction.SUBMIT_AUTO, VERIFIED);
        customer(PENDING, CustomerAction.UPGRADE_SCOPE, PENDING);
        customer(VerificationStatus.PROCESSING, CustomerAction.APPROVE, VERIFIED);
        customer(VerificationStatus.PROCESSING, CustomerAction.REJECT, VerificationStatus.REJECTED);
        customer(VERIFIED, CustomerAction.UPGRADE_SCOPE, PENDING);
        customer(VerificationStatus.REJECTED, CustomerAction.SUBMIT, VerificationStatus.PROCESSING);
        customer(VerificationStatus.REJECTED, CustomerAction.SUBMIT_AUTO, VERIFIED);
        customer(VerificationStatus.REJECTED, CustomerAction.UPGRADE_SCOPE, VerificationStatus.REJECTED);

        child(ReviewStatus.PENDING, ChildAction.EDIT, ReviewStatus.PENDING);
        child(ReviewStatus.PENDING, ChildAction.DELETE, ReviewStatus.PENDING);
        child(ReviewStatus.PENDING, ChildAction.SUBMIT, PROCESSING);
        child(ReviewStatus.PENDING, ChildAction.SUBMIT_AUTO, APPROVED);
        child(ReviewStatus.PENDING, ChildAction.CUSTOMER_APPROVED, ReviewStatus.PENDING);
        child(ReviewStatus.PENDING, ChildAction.CUSTOMER_REJECTED, ReviewStatus.PENDING);
        child(PROCESSING, ChildAction.SUBMIT, PROCESSING);
        child(PROCESSING, ChildAction.SUBMIT_AUTO, APPROVED);
        child(PROCESSING, ChildAction.APPROVE, APPROVED);
        child(PROCESSING, ChildAction.REJECT, REJECTED);
        child(PROCESSING, ChildAction.CUSTOMER_APPROVED, APPROVED);
        child(PROCESSING, ChildAction.CUSTOMER_REJECTED, ReviewStatus.PENDING);
        child(APPROVED, ChildAction.SUBMIT, APPROVED);
        child(APPROVED, ChildAction.SUBMIT_AUTO, APPROVED);
        child(APPROVED, ChildAction.CUSTOMER_APPROVED, APPROVED);
        child(APPROVED, ChildAction.CUSTOMER_REJECTED, APPROVED);
        child(REJECTED, ChildAction.EDIT, ReviewStatus.PENDING);
        child(REJECTED, ChildAction.DELETE, REJECTED);
        child(REJECTED, ChildAction.SUBMIT, REJECTED);
        child(REJECTED, ChildAction.SUBMIT_AUTO, APPROVED);
        child(REJECTED, ChildAction.CUSTOMER_APPROVED, REJECTED);
        child(REJECTED, ChildAction.CUSTOMER_REJECTED, REJECTED);

        tier(null, TierAction.REQUEST, TierStatus.PENDING);
        tier(TierStatus.PENDING, TierAction.REQUEST, TierStatus.PENDING);
        tier(TierStatus.PENDING, TierAction.VERIFY, TierStatus.VERIFIED);
        tier(TierStatus.PENDING, TierAction.FAIL, TierStatus.FAILED);
        tier(TierStatus.VERIFIED, TierAction.REQUEST, TierStatus.VERIFIED);
        tier(TierStatus.FAILED, TierAction.REQUEST, TierStatus.PENDING);

        activity(Activity.ACTIVE, ActivityAction.ACTIVATE, Activity.ACTIVE);
        activity(Activity.ACTIVE, ActivityAction.DEACTIVATE, Activity.INACTIVE);
        activity(Activity.INACTIVE, ActivityAction.ACTIVATE, Activity.ACTIVE);
        activity(Activity.INACTIVE, ActivityAction.DEACTIVATE, Activity.INACTIVE);
    }

    private Lifecycle() {
    }

    public static Optional<VerificationStatus> customer(VerificationStatus from, CustomerAction action) {
        return Optional.ofNullable(CUSTOMER.getOrDefault(from, Map.of()).get(action));
    }

    /** For DELETE, a present answer only means the child may be removed. */
    public static Optional<ReviewStatus> child(ReviewStatus from, ChildAction action) {
        return Optional.ofNullable(CHILD.getOrDefault(from, Map.of()).get(action));
    }

    /** @param from the tier's status, or null when it was never asked for */
    public static Optional<TierStatus> tier(TierStatus from, TierAction action) {
        return Optional.ofNullable(TIER.getOrDefault(from, Map.of()).get(action));
    }

    public static Optional<Activity> activity(Activity from, ActivityAction action) {
        return Optional.ofNullable(ACTIVITY.getOrDefault(from, Map.of()).get(action));
    }

    /**
     * Whether a client may change an owner or document of a customer in this state: the child must
     * allow it, and the customer must be neither under review nor verified (the lock matrix of §5.3).
     */
    public static boolean clientMayChange(VerificationStatus customer, ReviewStatus child, ChildAction action) {
        return customer != VerificationStatus.PROCESSING && customer != VERIFIED && child(child, action).isPresent();
    }

    private static void customer(VerificationStatus from, CustomerAction action, VerificationStatus to) {
        CUSTOMER.computeIfAbsent(from, key -> new EnumMap<>(CustomerAction.class)).put(action, to);
    }

    private static void child(ReviewStatus from, ChildAction action, ReviewStatus to) {
        CHILD.computeIfAbsent(from, key -> new EnumMap<>(ChildAction.class)).put(action, to);
    }

    private static void activity(Activity from, ActivityAction action, Activity to) {
        ACTIVITY.computeIfAbsent(from, key -> new EnumMap<>(ActivityAction.class)).put(action, to);
    }

    private static void tier(TierStatus from, TierAction action, TierStatus to) {
        TIER.computeIfAbsent(from, key -> new EnumMap<>(TierAction.class)).put(action, to);
    }
}
