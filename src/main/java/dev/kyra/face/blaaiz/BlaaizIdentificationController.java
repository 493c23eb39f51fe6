package dev.kyra.face.blaaiz;

import static dev.kyra.face.blaaiz.BlaaizCustomerController.customerId;
import static dev.kyra.face.blaaiz.BlaaizCustomerController.envelope;

import dev.kyra.customer.CustomerService;
import dev.kyra.customer.IdentificationType;
import dev.kyra.platform.Caller;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import dev.kyra.validation.Countries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a customer's {@code tin} means (spec §4.14, decision B12). */
@RestController
@Tag(name = "Virtual bank accounts (Blaaiz)")
class BlaaizIdentificationController {

    private final CustomerService customers;

    BlaaizIdentificationController(CustomerService customers) {
        this.customers = customers;
    }

    @GetMapping("/api/external/virtual-bank-account/identification-type")
    @Operation(summary = "Identification type", description = "Needs virtual-account:read. Either customer_id, or "
            + "both country and type.")
    Map<String, Object> identificationType(Caller caller,
                                           @RequestParam(name = "customer_id", required = false) String customerId,
                                           @RequestParam(required = false) String country,
                                           @RequestParam(required = false) String type) {
        IdentificationType identification;
        if (customerId != null && !customerId.isBlank()) {
            identification = customers.identificationType(caller.tenant(), customerId(customerId.strip()));
        } else {
            identification = byCountryAndType(country, type);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", identification.label());
        data.put("type", identification.code());
        return envelope("Identification type retrieved successfully.", data);
    }

    private static IdentificationType byCountryAndType(String country, String type) {
        List<Violation> problems = new ArrayList<>();
        if (country == null || country.isBlank()) {
            problems.add(Violation.of(CustomerFields.COUNTRY, "{field} is required when customer_id is not given"));
        } else if (!Countries.isCode(country.strip().toUpperCase(Locale.ROOT))) {
            problems.add(Violation.of(CustomerFields.COUNTRY, "{field} must be a valid ISO 3166-1 alpha-2 country code"));
        }
        Optional<CustomerType> customerType = type == null ? Optional.empty()
                : CustomerType.fromCode(type.strip().toLowerCase(Locale.ROOT));
        if (customerType.isEmpty()) {
            problems.add(Violation.of(FieldPath.of(Attribute.TYPE),
                    "{field} must be business or individual when customer_id is not given"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return IdentificationType.of(country.strip(), customerType.orElseThrow());
    }
}
