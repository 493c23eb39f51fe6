package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.web.ConcurrencyLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/external/customer}, spec §4.2 with decision B8. */
class BlaaizListCustomersTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer";

    @Autowired
    ConcurrencyLimits limits;

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void theLegacyShapeListsEveryCustomerOldestFirstAsSummaries() {
        List<String> ids = createIndividuals(3);

        Response response = api.get(PATH, tenant.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.message()).isEqualTo("Customers retrieved successfully");
        assertThat(response.json().has("links")).isFalse();
        assertThat(ids(response)).containsExactlyElementsOf(ids);
        JsonNode item = response.data().get(0);
        assertThat(item.propertyNames()).containsExactly("id", "business_id", "type", "kyb_scope", "first_name",
                "last_name", "business_name", "email", "phone", "country", "id_type", "id_number", "registration_number",
                "incorporation_country", "verification_status", "created_at", "updated_at");
    }

    @Test
    void thePaginatedShapeHasFifteenNewestFirstWithLaravelLinksAndMeta() {
        List<String> ids = createIndividuals(17);

        Response first = api.get(PATH + "?paginate=true", tenant.token());

        assertThat(first.message()).isEqualTo("Customers retrieved successfully.");
        List<String> newestFirst = new ArrayList<>(ids).reversed();
        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 15));
        String base = api.baseUrl() + PATH;
        assertThat(first.json().get("links")).isEqualTo(Json.parse("""
                {"first": "%1$s?paginate=true&page=1", "last": "%1$s?paginate=true&page=2",
                 "prev": null, "next": "%1$s?paginate=true&page=2"}""".formatted(base)));
        JsonNode meta = first.json().get("meta");
        assertThat(meta.get("current_page").intValue()).isEqualTo(1);
        assertThat(meta.get("from").intValue()).isEqualTo(1);
        assertThat(meta.get("to").intValue()).isEqualTo(15);
        assertThat(meta.get("last_page").intValue()).isEqualTo(2);
        assertThat(meta.get("per_page").intValue()).isEqualTo(15);
        assertThat(meta.get("total").intValue()).isEqualTo(17);
        assertThat(meta.get("path").stringValue()).isEqualTo(base);
        assertThat(meta.get("links")).isEqualTo(Json.tree("""
                [{"url": null, "label": "&laquo; Previous", "active": false},
                 {"url": "%1$s?paginate=true&page=1", "label": "1", "active": true},
                 {"url": "%1$s?paginate=true&page=2", "label": "2", "active": false},
                 {"url": "%1$s?paginate=true&page=2", "label": "Next &raquo;", "active": false}]""".formatted(base)));

        Response second = api.get(PATH + "?paginate=1&page=2", tenant.token());
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(15, 17));
        assertThat(second.json().get("meta").get("from").intValue()).isEqualTo(16);
        assertThat(second.json().get("links").get("next").isNull()).isTrue();
    }

    @Test
    void anEmptyPageHasNullFromAndTo() {
        JsonNode meta = api.get(PATH + "?paginate=true", tenant.token()).json().get("meta");

        assertThat(meta.get("total").intValue()).isZero();
        assertThat(meta.get("last_page").intValue()).isEqualTo(1);
        assertThat(meta.get("from").isNull()).isTrue();
        assertThat(meta.get("to").isNull()).isTrue();
    }

    @Test
    void pageLinksKeepTheFilters() {
        createIndividuals(16);

        JsonNode links = api.get(PATH + "?paginate=true&type=individual", tenant.token()).json().get("links");

        assertThat(links.get("next").stringValue()).isEqualTo(api.baseUrl() + PATH + "?paginate=true&type=individual&page=2");
    }

    @Test
    void anythingButATruthyPaginateGivesTheLegacyShape() {
        createIndividuals(1);

        assertThat(api.get(PATH + "?paginate=false", tenant.token()).json().has("meta")).isFalse();
        assertThat(api.get(PATH + "?paginate=yes", tenant.token()).json().has("meta")).isTrue();
    }

    @Test
    void filtersCombineWithAnd() {
        String john = create(Customers.INDIVIDUAL);
        String jane = create(Json.with(Customers.INDIVIDUAL, "email", "jane@example.com", "id_number", "ID-JANE"));
        String acme = create(Customers.BUSINESS);
        new Journeys(api, tenant).verifyIndividual(jane);

        assertThat(ids(api.get(PATH + "?email=jane@example.com", tenant.token()))).containsExactly(jane);
        assertThat(ids(api.get(PATH + "?id_number=6733823632872", tenant.token()))).containsExactly(john);
        assertThat(ids(api.get(PATH + "?registration_number=RC123456", tenant.token()))).containsExactly(acme);
        assertThat(ids(api.get(PATH + "?type=BUSINESS", tenant.token()))).containsExactly(acme);
        assertThat(ids(api.get(PATH + "?verification_status=verified", tenant.token()))).containsExactly(jane);
        assertThat(ids(api.get(PATH + "?type=individual&verification_status=PENDING", tenant.token()))).containsExactly(john);
        assertThat(ids(api.get(PATH + "?email=nobody@example.com", tenant.token()))).isEmpty();
    }

    @Test
    void invalidFiltersAre422() {
        assertInvalid(PATH + "?verification_status=DONE", "verification_status",
                "verification_status must be one of: PENDING, PROCESSING, VERIFIED, REJECTED.");
        assertInvalid(PATH + "?type=robot", "type", "type must be one of: business, individual.");
        assertInvalid(PATH + "?paginate=true&page=0", "page", "page must be an integer from 1 to 143165576.");
        assertInvalid(PATH + "?paginate=true&page=two", "page", "page must be an integer from 1 to 143165576.");
    }

    @Test
    void theUnpaginatedListIsStreamedAndACredentialRunsOnlyAFewAtOnce() throws Exception {
        createIndividuals(2);
        Response streamed = api.get(PATH, tenant.token());
        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.header("Transfer-Encoding")).as("written as read, not sized in memory first").isEqualTo("chunked");
        assertThat(streamed.data()).hasSize(2);

        String credential = "oauth-client:" + tenant.clientId();
        List<ConcurrencyLimits.Permit> running = new ArrayList<>();
        try {
            Optional<ConcurrencyLimits.Permit> permit;
            while ((permit = limits.acquire(credential, tenant.platformId())).isPresent()) {
                running.add(permit.get()); // as if this credential's other lists were still being written
            }
            Response refused = api.get(PATH, tenant.token());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.json().get("status").booleanValue()).isFalse();
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(api.get(PATH + "?paginate=true", tenant.token()).status()).as("pages are not heavy").isEqualTo(200);
            assertThat(api.get(PATH + "?email=john.doe@company.com", tenant.token()).status())
                    .as("nor is a list narrowed to an email").isEqualTo(200);
            Tenant other = tenants.create();
            assertThat(api.get(PATH, other.token()).status()).as("another platform lists freely").isEqualTo(200);
            java.util.concurrent.CompletableFuture<Response> waiting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> api.get(PATH, tenant.token()));
            Thread.sleep(100);
            running.removeFirst().close(); // one of the running lists ends while this one waits its turn
            assertThat(waiting.get().status()).as("it waited, then ran").isEqualTo(200);
        } finally {
            running.forEach(ConcurrencyLimits.Permit::close);
        }
        assertThat(api.get(PATH, tenant.token()).status()).isEqualTo(200);
    }

    @Test
    void perPageSetsThePageSizeFrom1To100AndTheLinksKeepIt() {
        createIndividuals(7);

        Response page = api.get(PATH + "?paginate=true&per_page=3&page=2", tenant.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.data()).hasSize(3);
        assertThat(page.json().get("meta").get("per_page").intValue()).isEqualTo(3);
        assertThat(page.json().get("meta").get("last_page").intValue()).isEqualTo(3);
        assertThat(page.json().get("links").get("next").stringValue()).contains("per_page=3").contains("page=3");
        assertThat(api.get(PATH + "?paginate=true&per_page=100", tenant.token()).data()).hasSize(7);
        for (String bad : new String[] {"0", "101", "ten", "-1"}) {
            assertInvalid(PATH + "?paginate=true&per_page=" + bad, "per_page", "per_page must be an integer from 1 to 100.");
        }
        assertInvalid(PATH + "?paginate=true&per_page=100&page=21474837", "page",
                "page must be an integer from 1 to 21474836.");
    }

    @Test
    void anotherTenantsCustomersAreNeverListed() {
        createIndividuals(2);
        Tenant other = tenants.create();

        assertThat(api.get(PATH, other.token()).data()).isEmpty();
        assertThat(api.get(PATH + "?email=john.doe@company.com", other.token()).data()).isEmpty();
    }

    private void assertInvalid(String path, String field, String message) {
        Response response = api.get(path, tenant.token());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.message()).isEqualTo(message);
        assertThat(response.json().get("errors").has(field)).isTrue();
    }

    private List<String> createIndividuals(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(create(Json.with(Customers.INDIVIDUAL, "id_number", "ID-" + i)));
        }
        return ids;
    }

    private String create(String body) {
        Response response = api.post(PATH, tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }

    private static List<String> ids(Response response) {
        return response.data().valueStream().map(item -> item.get("id").stringValue()).toList();
    }
}
