package dev.kyra.face.allawee;

import dev.kyra.customer.ReviewService;
import dev.kyra.customer.ReviewService.Verdict;
import dev.kyra.customer.Tier;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Mode;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test mode's stand-in for reviewers (decision A5): a platform moves its own pending tiers to
 * verified or failed to exercise its integration. A live key may not: live tiers are decided by
 * people.
 */
@RestController
class AllaweeSimulationController {

    private final ReviewService reviews;

    AllaweeSimulationController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/simulation/customers/{customerId}/verifications/{tier}/{decision:verify|fail}")
    ResponseEntity<Map<String, Object>> decide(Caller caller, @PathVariable("customerId") String id, @PathVariable String tier,
                                               @PathVariable String decision) {
        if (caller.tenant().mode() != Mode.TEST) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(AllaweeFace.error(HttpStatus.FORBIDDEN, "forbidden",
                    "Simulation is available to test keys only."));
        }
        Tier requested = Tier.fromCode(tier).orElseThrow(() -> new InvalidInputException(Violation.general(
                "Unknown tier; use tier-1, tier-2 or tier-3.")));
        Verdict verdict = decision.equals("verify") ? Verdict.APPROVE : Verdict.REJECT;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "success");
        body.put("data", AllaweeCustomerWriter.customer(
                reviews.decideTier(caller, AllaweeIds.customer(id), requested, verdict)));
        return ResponseEntity.ok(body);
    }
}
