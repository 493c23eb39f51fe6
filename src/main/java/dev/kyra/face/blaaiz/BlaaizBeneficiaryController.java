package dev.kyra.face.blaaiz;

import static dev.kyra.face.blaaiz.BlaaizCustomerController.customerId;
import static dev.kyra.face.blaaiz.BlaaizCustomerController.envelope;

import dev.kyra.customer.CustomerService;
import dev.kyra.platform.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's beneficiaries (spec §4.15, decision B20). Beneficiaries come from payouts, which Kyra
 * does not make, so every customer has none; the endpoints exist because both official SDKs call
 * them, and a customer of another tenant is still a 404.
 */
@RestController
@Tag(name = "Beneficiaries (Blaaiz)")
class BlaaizBeneficiaryController {

    private final CustomerService customers;

    BlaaizBeneficiaryController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping("/api/external/customer/{customerId}/beneficiary")
    @Operation(summary = "List a customer's beneficiaries", description = "Needs beneficiary:read. Always empty.")
    Map<String, Object> list(Caller caller, @PathVariable("customerId") String id) {
        customers.typeOf(caller.tenant(), customerId(id));
        return envelope("Beneficiaries retrieved successfully", List.of());
    }

    @GetMapping("/api/external/customer/{customerId}/beneficiary/{beneficiaryId}")
    @Operation(summary = "Get a beneficiary", description = "Needs beneficiary:read. There are none: 404.")
    @ApiResponse(responseCode = "404", description = "Kyra keeps no beneficiaries, so none is found")
    ResponseEntity<Map<String, Object>> get(Caller caller, @PathVariable("customerId") String id, @PathVariable("beneficiaryId") String beneficiary) {
        customers.typeOf(caller.tenant(), customerId(id));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(BlaaizFace.error("Beneficiary not found"));
    }
}
