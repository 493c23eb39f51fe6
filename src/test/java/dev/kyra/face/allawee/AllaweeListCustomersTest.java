package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /customers} with the list query language (allawee.md §4.B, decision A11), over HTTP. */
class AllaweeListCustomersTest extends KyraIntegrationTest {

    private Tenant tenant;
    /** name → id, created in this order */
    private final Map<String, String> ids = new java.util.LinkedHashMap<>();

    @BeforeEach
    void sixCustomers() {
        tenant = tenants.create();
        individual("Ada Obi", "ada@example.com", "1990-01-15", "00012345", "Lagos", 1);
        individual("Bola Ade", "bola@example.com", "1985-06-30", "22489035167", "Kano", 2);
        individual("Chi Eze", "chi@example.org", "2001-11-02", "99999999999", "Lagos", 3);
        individual("Dayo Ola", null, null, null, null, 4);
        business("Good Mill Ltd", List.of("Ada Obi", "Bola Ade"));
        business("Hill Top Ltd", List.of("Chi Eze"));
        jdbc.sql("update customers set status = 'inactive' where object_id = decode(:hex, 'hex')")
                .param("hex", hexOf(ids.get("Bola Ade"))).update();
    }

    @Test
    void theDefaultIsNewestFirstTwentyAPage() {
        Response response = list("");

        assertThat(names(response)).containsExactly("Hill Top Ltd", "Good Mill Ltd", "Dayo Ola", "Chi Eze", "Bola Ade", "Ada Obi");
        assertThat(response.json().get("metadata")).isEqualTo(Json.parse("{\"hasMore\": false}"));
    }

    @Test
    void shorthandsFilter() {
        assertThat(names(list("filter=status:inactive"))).containsExactly("Bola Ade");
        assertThat(names(list("filter=-status:inactive type:individual"))).containsExactly("Dayo Ola", "Chi Eze", "Ada Obi");
        assertThat(names(list("filter=status!=active"))).containsExactly("Bola Ade");
        assertThat(names(list("filter=name:<Chi Eze>"))).containsExactly("Chi Eze");
        assertThat(names(list("filter=name:\"Chi Eze\""))).containsExactly("Chi Eze");
        assertThat(names(list("filter=claims.individualInformation.email~EXAMPLE.ORG"))).as("case-insensitive").containsExactly("Chi Eze");
        assertThat(names(list("filter=-claims.individualInformation.email~example type=individual")))
                .as("nlike includes absent values").containsExactly("Dayo Ola");
    }

    @Test
    void fieldsEncryptedAtRestAreRefusedWithTheReason() {
        for (String query : List.of("filter=claims.individualIdentity.id:00012345",
                "filter=claims.individualInformation.dateOfBirth|gtd|1989-12-31", "sort=claims.individualInformation.dateOfBirth",
                "filter=claims.businessIdentity.id~RC")) {
            String parameter = query.substring(0, query.indexOf('='));
            assertBadParameter(query, parameter);
            assertThat(list(query).json().get("details").stringValue()).as(query).contains("encrypted at rest");
        }
    }

    @Test
    void longFormOperators() {
        assertThat(names(list("filter=name|in|\"Ada Obi\",<Chi Eze>"))).containsExactly("Chi Eze", "Ada Obi");
        assertThat(names(list("filter=type|nin|business status|ne|inactive"))).containsExactly("Dayo Ola", "Chi Eze", "Ada Obi");
        assertThat(names(list("filter=claims.individualInformation.email|exists|false type|eq|individual"))).containsExactly("Dayo Ola");
        assertThat(names(list("filter=claims.businessDirectors|all|\"Ada Obi\",<Bola Ade>"))).containsExactly("Good Mill Ltd");
        assertThat(names(list("filter=claims.businessDirectors|size|1"))).containsExactly("Hill Top Ltd");
        assertThat(names(list("filter=claims.businessDirectors:<Chi Eze>"))).containsExactly("Hill Top Ltd");
        assertThat(names(list("filter=verifications.type:tier-1"))).containsExactly("Chi Eze", "Bola Ade", "Ada Obi");
        assertThat(names(list("filter=metadata.rank|gte|3 metadata.rank|lte|4"))).containsExactly("Dayo Ola", "Chi Eze");
        assertThat(names(list("filter=id|eq|" + ids.get("Chi Eze")))).containsExactly("Chi Eze");
        assertThat(names(list("filter=type|eq|corporate"))).containsExactly("Hill Top Ltd", "Good Mill Ltd");
    }

    @Test
    void createdAtComparesAsATimestamp() {
        String chiCreated = api.get("/customers/" + ids.get("Chi Eze"), tenant.apiKey()).data().get("createdAt").stringValue();

        assertThat(names(list("filter=createdAt|gted|" + chiCreated + " type:individual"))).containsExactly("Dayo Ola", "Chi Eze");
        assertThat(names(list("filter=createdAt|ltd|" + chiCreated))).containsExactly("Bola Ade", "Ada Obi");
    }

    @Test
    void groupsCombineOrNorAndAnd() {
        assertThat(names(list("or=name:<Ada Obi> name:<Dayo Ola>"))).containsExactly("Dayo Ola", "Ada Obi");
        assertThat(names(list("nor=type:business status:inactive"))).containsExactly("Dayo Ola", "Chi Eze", "Ada Obi");
        assertThat(names(list("and=type:individual claims.individualAddress.state:NG-LA"))).containsExactly("Chi Eze", "Ada Obi");
        assertThat(names(list("filter=type:individual&or=name:<Ada Obi> name:<Good Mill Ltd>"))).containsExactly("Ada Obi");
        assertThat(names(list("filter=type:individual&filter=status:inactive"))).as("repeated parameters add up").containsExactly("Bola Ade");
    }

    @Test
    void theLegacyFormsStillWork() {
        assertThat(names(list("filter=status||EQ||inactive"))).containsExactly("Bola Ade");
        assertThat(names(list("filter=type||NEQ||individual"))).containsExactly("Hill Top Ltd", "Good Mill Ltd");
        assertThat(names(list("limit=2&page=2"))).containsExactly("Dayo Ola", "Chi Eze");
        assertThat(names(list("limit=2&page=0"))).containsExactly("Hill Top Ltd", "Good Mill Ltd");
        assertThat(names(list("limit=2&lastId=" + ids.get("Dayo Ola")))).containsExactly("Chi Eze", "Bola Ade");
    }

    @Test
    void rawPipesAndQuotesAsTheAllaweeDocsWriteThemAreAccepted() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /customers?filter=status||EQ||inactive&select=name HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + tenant.apiKey() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 200").contains("\"name\":\"Bola Ade\"").doesNotContain("Ada Obi");
        }
    }

    @Test
    void sortBySeveralKeys() {
        assertThat(names(list("sort=name"))).containsExactly("Ada Obi", "Bola Ade", "Chi Eze", "Dayo Ola", "Good Mill Ltd", "Hill Top Ltd");
        assertThat(names(list("sort=-type name"))).containsExactly("Ada Obi", "Bola Ade", "Chi Eze", "Dayo Ola", "Good Mill Ltd", "Hill Top Ltd");
        assertThat(names(list("sort=type,-name"))).containsExactly("Hill Top Ltd", "Good Mill Ltd", "Dayo Ola", "Chi Eze", "Bola Ade", "Ada Obi");
        assertThat(names(list("sort=claims.individualInformation.email&filter=type:individual")))
                .as("absent values sort last").containsExactly("Ada Obi", "Bola Ade", "Chi Eze", "Dayo Ola");
    }

    @Test
    void cursorsWalkAnySortForwardAndBack() {
        for (String sort : List.of("-createdAt", "name", "-claims.individualInformation.email", "status -name")) {
            List<String> all = names(list("sort=" + sort));
            List<String> walked = new ArrayList<>();
            String after = null;
            boolean hasMore = true;
            while (hasMore) {
                Response page = list("limit=2&sort=" + sort + (after == null ? "" : "&after=" + after));
                walked.addAll(names(page));
                hasMore = page.json().get("metadata").get("hasMore").booleanValue();
                after = page.data().get(page.data().size() - 1).get("id").stringValue();
            }
            assertThat(walked).as(sort).isEqualTo(all);

            String third = ids.get(all.get(2));
            assertThat(names(list("limit=2&sort=" + sort + "&before=" + third))).as(sort).isEqualTo(all.subList(0, 2));
            assertThat(names(list("limit=2&sort=" + sort + "&after=" + third))).as(sort).isEqualTo(all.subList(3, 5));
        }
    }

    @Test
    void hasMoreIsExactAndCountTotalCountsEveryMatch() {
        assertThat(list("limit=6").json().get("metadata")).isEqualTo(Json.parse("{\"hasMore\": false}"));
        assertThat(list("limit=5").json().get("metadata")).isEqualTo(Json.parse("{\"hasMore\": true}"));
        assertThat(list("limit=2&countTotal&filter=type:individual").json().get("metadata"))
                .isEqualTo(Json.parse("{\"hasMore\": true, \"totalCount\": 4}"));
        assertThat(list("limit=1&countTotal=true").json().get("metadata").get("totalCount").intValue()).isEqualTo(6);
        assertThat(list("countTotal=true&filter=status:inactive").json().get("metadata").get("totalCount").intValue()).isEqualTo(1);
    }

    @Test
    void selectIncludesOrExcludesTopLevelFields() {
        JsonNode included = list("select=name reference&limit=1").data().get(0);
        JsonNode excluded = list("select=-claims,-metadata&limit=1").data().get(0);

        assertThat(included.propertyNames()).containsExactly("name", "reference", "id", "object");
        assertThat(excluded.propertyNames()).doesNotContain("claims", "metadata").contains("name", "createdAt", "id");
    }

    @Test
    void theLimitIsOneToAHundred() {
        assertThat(list("limit=100").status()).isEqualTo(200);
        assertBadParameter("limit=101", "limit");
        assertBadParameter("limit=0", "limit");
        assertBadParameter("limit=ten", "limit");
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        assertBadParameter("filter=name|bogus|x", "filter");
        assertBadParameter("filter=name", "filter");
        assertBadParameter("filter=nonsense:1", "filter");
        assertBadParameter("or=claims.individualInformation.dateOfBirth|gtd|yesterday", "or");
        assertBadParameter("filter=name~(unclosed", "filter");
        assertBadParameter("filter=status|size|2", "filter");
        assertBadParameter("sort=claims.businessDirectors", "sort");
        assertBadParameter("sort=nothing", "sort");
        assertBadParameter("after=cus.nothing", "after");
        assertBadParameter("before=" + tenants.create().apiKey().substring(0, 5), "before");
        assertBadParameter("select=password", "select");
        assertBadParameter("select=name -claims", "select");
        assertBadParameter("countTotal=maybe", "countTotal");
    }

    @Test
    void anotherTenantsCustomerIsNoCursor() {
        Tenant other = tenants.create();
        String theirs = api.post("/customers", other.apiKey(), Json.object("name", "X", "reference", "x", "type", "individual"))
                .data().get("id").stringValue();

        assertBadParameter("after=" + theirs, "after");
        assertThat(names(api.get("/customers", other.apiKey()))).containsExactly("X");
    }

    private void assertBadParameter(String query, String parameter) {
        Response response = list(query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
        assertThat(response.json().get("code").stringValue()).isEqualTo("validation-error");
        assertThat(response.message()).isEqualTo("Incorrect format for '" + parameter + "' parameter.");
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(400);
    }

    /** Sends the parameters URL-encoded, as clients do. */
    private Response list(String query) {
        String encoded = java.util.Arrays.stream(query.split("&")).filter(part -> !part.isEmpty()).map(part -> {
            int equals = part.indexOf('=');
            return equals < 0 ? part : part.substring(0, equals + 1) + encode(part.substring(equals + 1));
        }).collect(java.util.stream.Collectors.joining("&"));
        return api.get("/customers?" + encoded, tenant.apiKey());
    }

    private List<String> names(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data().valueStream().map(customer -> customer.get("name").stringValue()).toList();
    }

    private void individual(String name, String email, String birthDate, String bvn, String state, int rank) {
        String[] parts = name.split(" ");
        Map<String, Object> information = new java.util.HashMap<>(Map.of("firstName", parts[0], "lastName", parts[1]));
        if (email != null) {
            information.put("email", email);
            information.put("dateOfBirth", birthDate);
        }
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("individualInformation", information));
        if (bvn != null) {
            claims.put("individualIdentity", Map.of("type", "bvn", "id", bvn));
            claims.put("individualAddress", Map.of("state", state, "countryCode", "NG"));
        }
        create(name, Json.object("name", name, "reference", "ref-" + name, "type", "individual", "claims", claims,
                "verifications", email == null ? List.of() : List.of("tier-1"), "metadata", Map.of("rank", rank)));
    }

    private void business(String name, List<String> directors) {
        create(name, Json.object("name", name, "reference", "ref-" + name, "type", "business",
                "claims", Map.of("businessDirectors", directors)));
    }

    private void create(String name, String body) {
        Response response = api.post("/customers", tenant.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        ids.put(name, response.data().get("id").stringValue());
    }

    private static String hexOf(String customerId) {
        byte[] bytes = dev.kyra.ids.Base58.decodeFixed(customerId.substring(4), 12).orElseThrow();
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
