package dev.kyra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every (status, action) pair of the three tables, against the transitions of Blaaiz spec §5 and
 * decision A5 written out here a second time, by hand: a move the spec does not have must be absent,
 * not merely unused.
 */
class LifecycleTest {

    /** "FROM ACTION" → "TO"; every pair not listed must be refused. */
    private static final Map<String, String> CUSTOMER_MOVES = Map.of(
            "PENDING SUBMIT", "PROCESSING",
            "PENDING SUBMIT_AUTO", "VERIFIED",
            "PENDING UPGRADE_SCOPE", "PENDING",
            "PROCESSING APPROVE", "VERIFIED",
            "PROCESSING REJECT", "REJECTED",
            "VERIFIED UPGRADE_SCOPE", "PENDING",
            "REJECTED SUBMIT", "PROCESSING",
            "REJECTED SUBMIT_AUTO", "VERIFIED",
            "REJECTED UPGRADE_SCOPE", "REJECTED");

    private static final Map<String, String> CHILD_MOVES = childMoves();

    private static final Map<String, String> TIER_MOVES = Map.of(
            "none REQUEST", "PENDING",
            "PENDING REQUEST", "PENDING",
            "PENDING VERIFY", "VERIFIED",
            "PENDING FAIL", "FAILED",
            "VERIFIED REQUEST", "VERIFIED",
            "FAILED REQUEST", "PENDING");

    private static Map<String, String> childMoves() {
        Map<String, String> moves = new HashMap<>();
        // a client edits or removes only what is not under review or approved; an edit reopens a rejection
        moves.put("PENDING EDIT", "PENDING");
        moves.put("PENDING DELETE", "PENDING");
        moves.put("REJECTED EDIT", "PENDING");
        moves.put("REJECTED DELETE", "REJECTED");
        // submit sends PENDING children to review and leaves the decided ones alone (spec §4.8)
        moves.put("PENDING SUBMIT", "PROCESSING");
        moves.put("PROCESSING SUBMIT", "PROCESSING");
        moves.put("APPROVED SUBMIT", "APPROVED");
        moves.put("REJECTED SUBMIT", "REJECTED");
        // auto-verify approves everything, the rejected included
        for (String status : List.of("PENDING", "PROCESSING", "APPROVED", "REJECTED")) {
            moves.put(status + " SUBMIT_AUTO", "APPROVED");
        }
        // a reviewer decides only what is under review
        moves.put("PROCESSING APPROVE", "APPROVED");
        moves.put("PROCESSING REJECT", "REJECTED");
        // the customer's verdict carries the children under review with it
        moves.put("PENDING CUSTOMER_APPROVED", "PENDING");
        moves.put("PROCESSING CUSTOMER_APPROVED", "APPROVED");
        moves.put("APPROVED CUSTOMER_APPROVED", "APPROVED");
        moves.put("REJECTED CUSTOMER_APPROVED", "REJECTED");
        moves.put("PENDING CUSTOMER_REJECTED", "PENDING");
        moves.put("PROCESSING CUSTOMER_REJECTED", "PENDING");
        moves.put("APPROVED CUSTOMER_REJECTED", "APPROVED");
        moves.put("REJECTED CUSTOMER_REJECTED", "REJECTED");
        return moves;
    }

    @Test
    void everyCustomerMoveIsTheSpecsAndNoOther() {
        List<String> seen = new ArrayList<>();
        for (VerificationStatus from : VerificationStatus.values()) {
            for (Lifecycle.CustomerAction action : Lifecycle.CustomerAction.values()) {
                String pair = from + " " + action;
                Optional<VerificationStatus> to = Lifecycle.customer(from, action);
                assertThat(to.map(Enum::name)).as(pair).isEqualTo(Optional.ofNullable(CUSTOMER_MOVES.get(pair)));
                seen.add(pair);
            }
        }
        assertThat(seen).hasSize(VerificationStatus.values().length * Lifecycle.CustomerAction.values().length);
    }

    @Test
    void everyOwnerAndDocumentMoveIsTheSpecsAndNoOther() {
        for (ReviewStatus from : ReviewStatus.values()) {
            for (Lifecycle.ChildAction action : Lifecycle.ChildAction.values()) {
                String pair = from + " " + action;
                assertThat(Lifecycle.child(from, action).map(Enum::name)).as(pair)
                        .isEqualTo(Optional.ofNullable(CHILD_MOVES.get(pair)));
            }
        }
    }

    @Test
    void everyTierMoveIsDecisionA5sAndNoOther() {
        List<TierStatus> froms = new ArrayList<>();
        froms.add(null);
        froms.addAll(List.of(TierStatus.values()));
        for (TierStatus from : froms) {
            for (Lifecycle.TierAction action : Lifecycle.TierAction.values()) {
                String pair = (from == null ? "none" : from.name()) + " " + action;
                assertThat(Lifecycle.tier(from, action).map(Enum::name)).as(pair)
                        .isEqualTo(Optional.ofNullable(TIER_MOVES.get(pair)));
            }
        }
    }

    @Test
    void aChildIsLockedWhenItOrItsCustomerIsUnderReviewOrDecided() {
        for (VerificationStatus customer : VerificationStatus.values()) {
            for (ReviewStatus child : ReviewStatus.values()) {
                boolean customerOpen = customer == VerificationStatus.PENDING || customer == VerificationStatus.REJECTED;
                boolean childOpen = child == ReviewStatus.PENDING || child == ReviewStatus.REJECTED;
                for (Lifecycle.ChildAction action : List.of(Lifecycle.ChildAction.EDIT, Lifecycle.ChildAction.DELETE)) {
                    assertThat(Lifecycle.clientMayChange(customer, child, action)).as(customer + " " + child + " " + action)
                            .isEqualTo(customerOpen && childOpen);
                }
            }
        }
    }
}
