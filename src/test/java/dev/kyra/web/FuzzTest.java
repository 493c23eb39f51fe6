package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded generator of hostile requests over every write endpoint of the three faces, the token
 * endpoint and every list parameter: valid bodies with one value swapped for something hostile, bodies cut short or with bad
 * bytes spliced in, query strings of odd encodings. Every answer must be below 500, and every refused
 * request (4xx) must leave the tenant's rows exactly as they were. A failure names the seed and the
 * request, so it can be replayed.
 */
class FuzzTest extends KyraIntegrationTest {

    private static final long SEED = 20261201L;
    private static final int REQUESTS = 3000;

    /** Raw JSON values, spliced in as text so that escapes and numbers reach Kyra exactly as written. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "\"\\u0000\"", "\"a\\u0000b\"", "\"x\\ud800\"", "\"\\udfff\"", "\"\\ud83d\\ude00\"", "\"\u202Eevil\"",
            "\"\u200B\"", "\"\\u0007\"", "\"\\n\"", "\"\"", "\" \"", "\"" + "a".repeat(5000) + "\"",
            "1e99999999999999999999", "0E-999999999", "0E+999999999", "-0", "1.5", "-1",
            "123456789012345678901234567890", "9223372036854775808", "1e308", "NaN", "true", "false", "null", "{}",
            "[]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":[1,\"\\u0000\"]}}",
            "\"2025-02-30\"", "\"+999999999-12-31\"", "\"0000-00-00\"", "\"1990-1-1\"", "\"NG\"", "\"ZZ\"",
            "\"passport\"", "\"PENDING\"", "\"not-a-uuid\"", "\"01a1fc98-c780-7086-a3be-c27012f8b5ae\"",
            "\"<script>alert(1)</script>\"", "\"'; drop table customers; --\"", "\"%00\"", "\"\\\\\"");

    private static final List<String> HOSTILE_QUERY_VALUES = List.of(
            "%00", "a%00b", "%ED%A0%80", "%C0%AF", "%C0%BC", "%FF", "%F4%90%80%80", "2147483648", "-1", "0",
            "99999999999999999999", "143165578", "286331155", "1e999", "true", "PENDING", "individual", "x",
            "%E2%80%AE", "%7C%7C", "email%7Ceq%7Ca", "createdAt%7Clt%7C%2B999999999-12-31T23:59:59Z",
            "createdAt%7Cgt%7C2026-01-01", "name:Ada", "-createdAt", "cus.111111111111111111", "", "%20", "%25");

    private final Random random = new Random(SEED);

    @Test
    void hostileRequestsNeverAnswer5xxAndRefusedOnesChangeNothing() {
        Tenant tenant = tenants.create();
        Journeys journeys = new Journeys(api, tenant);
        String individual = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data()
                .get("id").stringValue();
        JsonNode business = api.post("/api/external/customer", tenant.token(), Customers.BUSINESS).data();
        String businessId = business.get("id").stringValue();
        String ownerId = business.get("owners").get(0).get("id").stringValue();
        String fileId = journeys.uploadDocumentFile(businessId, Journeys.PDF);
        String allawee = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        List<Target> targets = targets(tenant, individual, businessId, ownerId, fileId, allawee);

        int refused = 0;
        String state = TenantState.of(jdbc, tenant.platformId());
        for (int i = 0; i < REQUESTS; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Attempt attempt = switch (target.method()) {
                case "GET" -> query(target);
                case "FORM" -> form(target);
                default -> body(target);
            };
            long platforms = platformCount();
            Response response = api.send(attempt.request().get());
            String what = "seed " + SEED + ", request " + i + ": " + attempt.description() + " -> " + response;
            assertThat(response.status()).as(what).isBetween(200, 499);
            String after = TenantState.of(jdbc, tenant.platformId());
            if (response.status() >= 400) {
                refused++;
                assertThat(after).as("a refused request wrote nothing: " + what).isEqualTo(state);
                assertThat(platformCount()).as(what).isEqualTo(platforms);
            }
            state = after;
        }
        assertThat(refused).as("the generator mostly makes requests Kyra must refuse").isGreaterThan(REQUESTS / 2);
    }

    private record Target(String method, String path, String auth, String body) {
    }

    private record Attempt(String description, Supplier<HttpRequest.Builder> request) {
    }

    private List<Target> targets(Tenant tenant, String individual, String business, String owner, String file,
                                 String allawee) {
        String bearer = "Bearer " + tenant.token();
        String key = "Bearer " + tenant.apiKey();
        String admin = "Bearer " + ADMIN_TOKEN;
        String c = "/api/external/customer/";
        List<Target> targets = new ArrayList<>(List.of(
                new Target("POST", "/api/external/customer", bearer, Customers.INDIVIDUAL),
                new Target("POST", "/api/external/customer", bearer, Customers.BUSINESS),
                new Target("PUT", c + individual, bearer, "{\"city\":\"Lagos\",\"phone\":\"+2348012345678\"}"),
                new Target("PUT", c + business, bearer, "{\"owners\":[{\"id\":\"" + owner + "\",\"first_name\":\"Jo\"}]}"),
                new Target("POST", c + individual + "/kyc-data", bearer, "{\"city\":\"Lagos\",\"dob\":\"1990-01-01\"}"),
                new Target("POST", "/api/external/file/get-presigned-url", bearer,
                        "{\"customer_id\":\"" + individual + "\",\"file_category\":\"id_file\"}"),
                new Target("PUT", c + individual + "/files", bearer, "{\"id_file\":\"" + file + "\"}"),
                new Target("POST", c + business + "/document/presigned-url", bearer, "{}"),
                new Target("POST", c + business + "/document", bearer,
                        "{\"type\":\"CERTIFICATE_OF_INCORPORATION\",\"name\":\"Cert\",\"file_id\":\"" + file + "\"}"),
                new Target("POST", c + business + "/owner/" + owner + "/file/presigned-url", bearer,
                        "{\"file_category\":\"id_document_front\"}"),
                new Target("POST", c + business + "/owner/" + owner + "/files", bearer,
                        "{\"id_document_front\":\"" + file + "\"}"),
                new Target("POST", c + business + "/upgrade-kyb-scope", bearer, "{\"owners\":[{\"first_name\":\"A\","
                        + "\"last_name\":\"B\",\"ownership_percentage\":40,\"id_document_type\":\"passport\"}]}"),
                new Target("POST", "/customers", key, Customers.ALLAWEE_INDIVIDUAL),
                new Target("PUT", "/customers/" + allawee, key, "{\"name\":\"Ada Obi\",\"metadata\":{\"k\":\"v\"}}"),
                new Target("POST", "/admin/v1/platforms", admin, "{\"name\":\"Fuzzed\"}"),
                new Target("PATCH", "/admin/v1/platforms/" + tenant.platformId(), admin, "{\"auto_verify_individuals\":false}"),
                new Target("POST", "/admin/v1/platforms/" + tenant.platformId() + "/api-keys", admin,
                        "{\"mode\":\"live\",\"scopes\":[\"customers:read\"]}"),
                new Target("POST", "/admin/v1/customers/" + business + "/reject", admin, "{\"comment\":\"Blurry image\"}"),
                new Target("POST", "/admin/v1/customers/" + business + "/owners/" + owner + "/reject", admin,
                        "{\"comment\":\"Expired\"}"),
                new Target("FORM", "/oauth/token", "", "grant_type=client_credentials&client_id=" + tenant.clientId()
                        + "&client_secret=" + tenant.clientSecret() + "&scope=*"),
                new Target("GET", "/api/external/customer", bearer, "email id_number registration_number "
                        + "verification_status type paginate page"),
                new Target("GET", c + individual, bearer, "expand"),
                new Target("GET", "/api/external/virtual-bank-account/identification-type", bearer, "customer_id"),
                new Target("GET", "/customers", key, "filter sort limit page after before lastId select countTotal or nor"),
                new Target("GET", "/admin/v1/review-queue", admin, "limit platform_id")));
        return targets;
    }

    /** A valid body with one hostile change. */
    private Attempt body(Target target) {
        byte[] bytes;
        String change;
        int kind = random.nextInt(10);
        if (kind < 6) {
            String value = pick(HOSTILE_VALUES);
            change = "a value becomes " + abbreviate(value);
            bytes = withValue(target.body(), value).getBytes(StandardCharsets.UTF_8);
        } else if (kind == 6) {
            int cut = random.nextInt(target.body().length());
            change = "cut at " + cut;
            bytes = target.body().substring(0, cut).getBytes(StandardCharsets.UTF_8);
        } else if (kind == 7) {
            byte[][] bad = {{0}, {(byte) 0xC0, (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
                    {(byte) 0xC0, (byte) 0x80}};
            byte[] splice = bad[random.nextInt(bad.length)];
            int at = target.body().lastIndexOf('"') > 0 ? target.body().lastIndexOf('"') : 1;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(target.body().substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(splice);
            out.writeBytes(target.body().substring(at).getBytes(StandardCharsets.UTF_8));
            change = "bytes spliced in at " + at;
            bytes = out.toByteArray();
        } else if (kind == 8) {
            String[] shapes = {"", "null", "[]", "\"text\"", "{\"a\":1,\"a\":2}", target.body() + "{}", "[" + target.body() + "]"};
            String shape = shapes[random.nextInt(shapes.length)];
            change = "the body is " + abbreviate(shape);
            bytes = shape.getBytes(StandardCharsets.UTF_8);
        } else {
            String value = pick(HOSTILE_VALUES);
            change = "an unknown key holds " + abbreviate(value);
            bytes = target.body().replaceFirst("\\{", "{\"unknown_" + random.nextInt(3) + "\":" + value.replace("$", "\\$")
                    + (target.body().strip().equals("{}") ? "" : ",")).getBytes(StandardCharsets.UTF_8);
        }
        byte[] sent = bytes;
        return new Attempt(target.method() + " " + target.path() + " with " + change,
                () -> HttpRequest.newBuilder(URI.create(api.baseUrl() + target.path()))
                        .header("Authorization", target.auth()).header("Content-Type", "application/json")
                        .method(target.method(), HttpRequest.BodyPublishers.ofByteArray(sent)));
    }

    /** A token request with one of its form fields given a hostile value, percent-encoded by hand. */
    private Attempt form(Target target) {
        String[] fields = target.body().split("&");
        int changed = random.nextInt(fields.length);
        fields[changed] = fields[changed].substring(0, fields[changed].indexOf('=') + 1) + pick(HOSTILE_QUERY_VALUES);
        String body = String.join("&", fields);
        return new Attempt("POST " + target.path() + " with " + body,
                () -> HttpRequest.newBuilder(URI.create(api.baseUrl() + target.path()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A few of the list's parameters, with hostile values, percent-encoded by hand. */
    private Attempt query(Target target) {
        String[] names = target.body().split(" ");
        StringBuilder query = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(8) == 0 ? "unknown%ED%A0%80" : names[random.nextInt(names.length)];
            query.append(i == 0 ? "?" : "&").append(name).append('=').append(pick(HOSTILE_QUERY_VALUES));
        }
        String uri = api.baseUrl() + target.path() + query;
        return new Attempt("GET " + target.path() + query,
                () -> HttpRequest.newBuilder(URI.create(uri)).header("Authorization", target.auth()).GET());
    }

    /** The body with one of its values, chosen at random at any depth, replaced by raw JSON text. */
    private String withValue(String body, String rawValue) {
        ObjectNode tree = Json.parse(body);
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        String marker = "\"@@fuzz@@\"";
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> keys = new ArrayList<>(object.propertyNames());
            object.put(keys.get(random.nextInt(keys.size())), "@@fuzz@@");
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), array.stringNode("@@fuzz@@"));
        } else if (container instanceof ObjectNode object) {
            object.put("added", "@@fuzz@@");
        }
        return tree.toString().replace(marker, rawValue);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
            node.values().forEach(child -> collect(child, containers));
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private long platformCount() {
        return jdbc.sql("select count(*) from platforms").query(Long.class).single();
    }
}
