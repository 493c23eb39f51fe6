package dev.kyra.face.allawee;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.CustomerRef;
import dev.kyra.customer.CustomerService;
import dev.kyra.customer.SearchResult;
import dev.kyra.platform.Caller;
import dev.kyra.web.JsonBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers on the Allawee face: {@code /customers} (allawee.md §3-§4). */
@RestController
@RequestMapping("/customers")
class AllaweeCustomerController {

    private final CustomerService customers;

    AllaweeCustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, JsonBody body) {
        CustomerDetails created = customers.create(caller, AllaweeCustomerReader.newCustomer(body.object()));
        return success(AllaweeCustomerWriter.customer(created));
    }

    @GetMapping("/{customerId}")
    Map<String, Object> get(Caller caller, @PathVariable("customerId") String id) {
        return success(AllaweeCustomerWriter.customer(customers.get(caller.tenant(), AllaweeIds.customer(id))));
    }

    /** Top-level fields sent replace the stored ones; a claims group sent replaces that group (decision A4). */
    @PutMapping("/{customerId}")
    Map<String, Object> update(Caller caller, @PathVariable("customerId") String id, JsonBody body) {
        CustomerRef ref = AllaweeIds.customer(id);
        // which claims groups a customer may have depends on its type, which never changes
        var type = customers.typeOf(caller.tenant(), ref);
        CustomerDetails updated = customers.update(caller, ref, AllaweeCustomerReader.changes(body.object(), type));
        return success(AllaweeCustomerWriter.customer(updated));
    }

    @GetMapping
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        AllaweeListQuery list = AllaweeListQuery.from(request.getParameterMap(), AllaweeQueryFields.CUSTOMERS);
        SearchResult page = customers.search(caller.tenant(), list.query());
        return AllaweeFace.page(page.items().stream().map(details -> list.selected(AllaweeCustomerWriter.customer(details)))
                .toList(), page.hasMore(), page.total());
    }

    private static Map<String, Object> success(Object data) {
        return AllaweeFace.success(data);
    }
}
