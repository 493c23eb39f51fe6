package dev.kyra.face.blaaiz;

import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.CustomerFilter;
import dev.kyra.customer.CustomerPage;
import dev.kyra.customer.CustomerRef;
import dev.kyra.customer.CustomerService;
import dev.kyra.customer.VerificationStatus;
import dev.kyra.platform.Caller;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.Violation;
import dev.kyra.web.ConcurrencyLimits;
import dev.kyra.web.JsonBody;
import dev.kyra.web.TooManyConcurrentRequestsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Customers on the Blaaiz face: {@code /api/external/customer} (spec §4.1-§4.4). */
@RestController
@RequestMapping("/api/external/customer")
@Tag(name = "Customers (Blaaiz)")
class BlaaizCustomerController {

    private static final int DEFAULT_PER_PAGE = 15;
    private static final int MAX_PER_PAGE = 100;
    private static final Set<String> TRUTHY = Set.of("1", "true", "on", "yes");

    private final CustomerService customers;
    private final BlaaizLinks links;
    private final ConcurrencyLimits limits;
    private final JsonMapper json;

    BlaaizCustomerController(CustomerService customers, BlaaizLinks links, ConcurrencyLimits limits, JsonMapper json) {
        this.customers = customers;
        this.links = links;
        this.limits = limits;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Create a customer", description = "Needs customer:write. 201 with the full customer.")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, JsonBody body, HttpServletRequest request) {
        CustomerDetails created = customers.create(caller, BlaaizCustomerReader.newCustomer(body.object()));
        return envelope("Customer created successfully.", BlaaizCustomerWriter.full(created, links.downloads(request)));
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "Get a customer", description = "Needs customer:read. The full customer with kyc_data and owners.")
    Map<String, Object> get(Caller caller, @PathVariable("customerId") String id, HttpServletRequest request) {
        CustomerDetails details = customers.get(caller.tenant(), customerId(id));
        return envelope("Customer retrieved successfully", BlaaizCustomerWriter.full(details, links.downloads(request)));
    }

    @PutMapping("/{customerId}")
    @Operation(summary = "Update a customer", description = "Needs customer:write. A partial update: omitted "
            + "fields are kept, explicit nulls clear.")
    Map<String, Object> update(Caller caller, @PathVariable("customerId") String id, JsonBody body, HttpServletRequest request) {
        CustomerDetails updated = customers.update(caller, customerId(id), BlaaizCustomerReader.changes(body.object()));
        return envelope("Customer updated successfully", BlaaizCustomerWriter.full(updated, links.downloads(request)));
    }

    @GetMapping
    @Operation(summary = "List customers", description = "Needs customer:read. Filters combine with AND; "
            + "paginate=true gives 15 per page, newest first, with Laravel links and meta; without it every "
            + "match comes, oldest first, streamed.")
    void list(Caller caller, HttpServletRequest request, HttpServletResponse response,
              @RequestParam(required = false) String email,
              @RequestParam(name = "id_number", required = false) String idNumber,
              @RequestParam(name = "registration_number", required = false) String registrationNumber,
              @RequestParam(name = "verification_status", required = false) String verificationStatus,
              @RequestParam(required = false) String type,
              @RequestParam(required = false) String paginate,
              @RequestParam(required = false) String page,
              @RequestParam(name = "per_page", required = false) String perPage) throws IOException {
        List<Violation> problems = new ArrayList<>();
        CustomerFilter filter = new CustomerFilter(blankToNull(email), blankToNull(idNumber),
                blankToNull(registrationNumber), status(verificationStatus, problems), type(type, problems));
        boolean paginated = paginate != null && TRUTHY.contains(paginate.strip().toLowerCase(Locale.ROOT));
        int pageSize = paginated ? pageSize(perPage, problems) : DEFAULT_PER_PAGE;
        int pageNumber = paginated ? pageNumber(page, pageSize, problems) : 1;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (!paginated) {
            writeEveryMatch(caller, filter, response);
            return;
        }
        UriComponentsBuilder uri = ServletUriComponentsBuilder.fromRequest(request);
        String path = ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).build().toUriString();
        CustomerPage result = customers.page(caller.tenant(), filter, CustomerFilter.Order.NEWEST_FIRST,
                (pageNumber - 1) * pageSize, pageSize);
        LaravelPage laravelPage = new LaravelPage(pageNumber, pageSize, result.total(), path, uri);
        Map<String, Object> body = envelope("Customers retrieved successfully.", summaries(result.items()));
        body.put("links", laravelPage.links());
        body.put("meta", laravelPage.meta(result.items().size()));
        json.writeValue(response.getOutputStream(), body);
    }

    /**
     * The legacy unpaginated shape: every match, in the stable order rows were created, written as it
     * is read so that memory does not grow with the tenant. Unless an email, id number or registration
     * number narrows it, it is a heavy request: a credential (and a platform) may run only a few at
     * once, the others wait their turn, and the slot is taken before the answer starts.
     */
    private void writeEveryMatch(Caller caller, CustomerFilter filter, HttpServletResponse response) throws IOException {
        try (ConcurrencyLimits.Permit permit = filter.isSelective() ? null : heavyRequestSlot(caller);
             JsonGenerator generator = json.createGenerator(response.getOutputStream())) {
            generator.writeStartObject();
            generator.writeBooleanProperty("status", true);
            generator.writeStringProperty("message", "Customers retrieved successfully");
            generator.writeArrayPropertyStart("data");
            customers.forEach(caller.tenant(), filter,
                    customer -> json.writeValue(generator, BlaaizCustomerWriter.summary(customer)));
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private ConcurrencyLimits.Permit heavyRequestSlot(Caller caller) {
        return limits.acquire(caller.actor().toString(), caller.tenant().platformId().toString())
                .orElseThrow(() -> new TooManyConcurrentRequestsException("Too many customer lists are running or "
                        + "waiting for these credentials at once; retry when one has finished, or ask for pages "
                        + "(paginate=true)."));
    }

    static Map<String, Object> envelope(String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("message", message);
        body.put("data", data);
        return body;
    }

    /** Customer ids are UUIDs; anything else cannot name a customer, so it is simply not found. */
    static CustomerRef customerId(String id) {
        try {
            return CustomerRef.id(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw NotFoundException.customer();
        }
    }

    private static List<Map<String, Object>> summaries(List<Customer> customers) {
        return customers.stream().map(BlaaizCustomerWriter::summary).toList();
    }

    private static VerificationStatus status(String value, List<Violation> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return VerificationStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(Violation.of(FieldPath.of(Attribute.VERIFICATION_STATUS),
                    "{field} must be one of: PENDING, PROCESSING, VERIFIED, REJECTED"));
            return null;
        }
    }

    private static CustomerType type(String value, List<Violation> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        return CustomerType.fromCode(text.toLowerCase(Locale.ROOT)).orElseGet(() -> {
            problems.add(Violation.of(FieldPath.of(Attribute.TYPE), "{field} must be one of: business, individual"));
            return null;
        });
    }

    /** 1 to 100 a page, 15 unless asked (decision B21). */
    private static int pageSize(String value, List<Violation> problems) {
        return integerFrom1To(MAX_PER_PAGE, value, DEFAULT_PER_PAGE, ListParameter.PER_PAGE, problems);
    }

    /** A page whose offset PostgreSQL cannot be asked for is refused, not wrapped around. */
    private static int pageNumber(String value, int pageSize, List<Violation> problems) {
        return integerFrom1To(Integer.MAX_VALUE / pageSize, value, 1, ListParameter.PAGE, problems);
    }

    /** The parameter as an integer from 1 to {@code max}; absent is {@code absent}, anything else a violation. */
    static int integerFrom1To(int max, String value, int absent, Enum<?> parameter, List<Violation> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Violation.of(FieldPath.of(parameter), "{field} must be an integer from 1 to " + max));
        return absent;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
