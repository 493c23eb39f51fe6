package dev.kyra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kyra.platform.Actor;
import dev.kyra.platform.Caller;
import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every path of the lifecycle table leaves its events (decision D6), asserted event by event through
 * the admin history: who, what, which subject, from and to, and the sequence numbers, also when many
 * writers change one customer at once.
 */
class CustomerEventsTest extends KyraIntegrationTest {

    private static final String CUSTOMER = "/api/external/customer/";

    @Autowired
    private EventLog events;

    @Autowired
    private TransactionTemplate transactions;

    private Tenant tenant;
    private Journeys journeys;
    private String client;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
        client = "oauth-client:" + tenant.clientId();
    }

    @Test
    void aBusinessFromCreationToApprovalIsRecordedEventByEvent() {
        String id = created(Customers.COMPLETE_BUSINESS);
        List<String> owners = journeys.ownerIds(id);
        String jane = owners.get(0);
        String john = owners.get(1);
        journeys.submitBusiness(id);
        String document = journeys.customer(id).get("documents").get(0).get("id").stringValue();
        journeys.decide(id, "approve", "All good");

        assertThat(history(id)).containsExactly(
                "1 " + client + " customer.created customer",
                "2 " + client + " owner.added owner:" + jane,
                "3 " + client + " owner.added owner:" + john,
                "4 " + client + " document.added document:" + document,
                "5 " + client + " files.attached owner:" + jane,
                "6 " + client + " files.attached owner:" + john,
                "7 " + client + " owner.status_changed owner:" + jane + " PENDING→PROCESSING",
                "8 " + client + " owner.status_changed owner:" + john + " PENDING→PROCESSING",
                "9 " + client + " document.status_changed document:" + document + " PENDING→PROCESSING",
                "10 " + client + " customer.status_changed customer PENDING→PROCESSING",
                "11 admin-token owner.status_changed owner:" + jane + " PROCESSING→APPROVED",
                "12 admin-token owner.status_changed owner:" + john + " PROCESSING→APPROVED",
                "13 admin-token document.status_changed document:" + document + " PROCESSING→APPROVED",
                "14 admin-token customer.status_changed customer PROCESSING→VERIFIED \"All good\"");
        JsonNode created = entries(id).get(0);
        assertThat(change(created, "business_name")).isEqualTo(Json.tree("{\"field\": \"business_name\", \"from\": null, \"to\": \"Acme Corp\"}"));
        assertThat(change(created, "tin").get("to").stringValue()).as("a tax number is masked").isEqualTo("***");
        assertThat(change(created, "phone").get("to").stringValue()).isEqualTo("***");
        String back = change(entries(id).get(5), "id_document_back").get("to").stringValue();
        assertThat(back).as("a file id is kept").matches("[0-9a-f-]{36}");
        assertThat(jdbc.sql("select count(*) from customer_owners where id_document_back_file = cast(:file as uuid)")
                .param("file", back).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRejectedOwnerReopenedByAnUpdateOfTheOwnersHasItsHistory() {
        String id = created(Customers.COMPLETE_BUSINESS);
        String jane = journeys.ownerIds(id).get(0);
        journeys.submitBusiness(id);
        journeys.decideChild(id, "owners", jane, "reject", "Expired passport");
        journeys.decide(id, "reject", "Fix the owner");
        int before = entries(id).size();

        Response updated = api.put(CUSTOMER + id, tenant.token(),
                Json.object("owners", List.of(Map.of("id", jane, "first_name", "Janet"))));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(history(id).subList(before, before + 2)).containsExactly(
                (before + 1) + " " + client + " owner.changed owner:" + jane,
                (before + 2) + " " + client + " owner.status_changed owner:" + jane + " REJECTED→PENDING");
        assertThat(entries(id).get(before).get("changes"))
                .isEqualTo(Json.tree("[{\"field\": \"first_name\", \"from\": \"Jane\", \"to\": \"Janet\"}]"));
        assertThat(history(id)).hasSize(before + 2);
        JsonNode owner = journeys.customer(id).get("owners").get(0);
        assertThat(owner.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(owner.get("admin_comments").isNull()).as("the fix is what the next review looks at").isTrue();
    }

    @Test
    void newFilesAndADocumentEditReopenWhatAReviewerRejectedAndARemovalIsRecorded() {
        String id = created(Customers.COMPLETE_BUSINESS);
        List<String> owners = journeys.ownerIds(id);
        String jane = owners.get(0);
        journeys.submitBusiness(id);
        String document = journeys.customer(id).get("documents").get(0).get("id").stringValue();
        journeys.decideChild(id, "owners", jane, "reject", "Blurred passport");
        journeys.decideChild(id, "documents", document, "reject", "Expired certificate");
        journeys.decide(id, "reject", "Fix the owner and the certificate");
        int before = entries(id).size();

        String front = journeys.uploadOwnerFile(id, jane, "id_document_front", Journeys.JPEG);
        Response attached = api.post(CUSTOMER + id + "/owner/" + jane + "/files", tenant.token(),
                Json.object("id_document_front", front));
        Response edited = api.put(CUSTOMER + id + "/document/" + document, tenant.token(),
                Json.object("name", "Certificate, renewed"));
        Response removed = api.delete(CUSTOMER + id + "/owner/" + owners.get(1), tenant.token());

        assertThat(List.of(attached.status(), edited.status(), removed.status())).containsExactly(200, 200, 200);
        assertThat(history(id).subList(before, history(id).size())).containsExactly(
                (before + 1) + " " + client + " files.attached owner:" + jane,
                (before + 2) + " " + client + " owner.status_changed owner:" + jane + " REJECTED→PENDING",
                (before + 3) + " " + client + " document.changed document:" + document,
                (before + 4) + " " + client + " document.status_changed document:" + document + " REJECTED→PENDING",
                (before + 5) + " " + client + " owner.removed owner:" + owners.get(1));
        assertThat(entries(id).get(before + 2).get("changes")).isEqualTo(Json.tree(
                "[{\"field\": \"name\", \"from\": \"Certificate of incorporation\", \"to\": \"Certificate, renewed\"}]"));
    }

    @Test
    void anAutoVerifiedIndividualIsVerifiedByTheClientThatAttachedItsIdentityFile() {
        tenants.changeSettings(tenant, "{\"auto_verify_individuals\": true}");
        String id = created(Customers.INDIVIDUAL);

        journeys.sendIndividualToReview(id);

        assertThat(history(id)).containsExactly(
                "1 " + client + " customer.created customer",
                "2 " + client + " files.attached customer",
                "3 " + client + " customer.status_changed customer PENDING→VERIFIED");
        JsonNode files = entries(id).get(1).get("changes");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("from").isNull()).isTrue();
        assertThat(files.get(0).get("to").stringValue()).matches("[0-9a-f-]{36}");
    }

    @Test
    void aMinimalBusinessUpgradedAfterItsVerificationIsPendingAgainWithItsNewOwner() {
        tenants.changeSettings(tenant, "{\"minimal_kyb_allowed\": true}");
        String id = created(Json.with(Json.without(Customers.BUSINESS, "owners", "operating_street", "operating_city",
                "operating_state", "operating_zip_code", "operating_country"), "registration_number", "RC-UPGRADE"));
        journeys.addFormationDocument(id);
        journeys.submit(id);
        journeys.decide(id, "approve", null);
        int before = entries(id).size();

        Response upgraded = api.post(CUSTOMER + id + "/upgrade-kyb-scope", tenant.token(), Json.object(
                "owners", List.of(Map.of("first_name", "Jane", "last_name", "Doe", "ownership_percentage", 100,
                        "email", "jane@acme.example.com", "id_document_type", "passport")),
                "website", "https://acme.example.org"));

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        String jane = journeys.ownerIds(id).get(0);
        assertThat(history(id).subList(before, history(id).size())).containsExactly(
                (before + 1) + " " + client + " customer.kyb_upgraded customer \"KYB scope upgraded from MINIMAL to FULL.\"",
                (before + 2) + " " + client + " customer.status_changed customer VERIFIED→PENDING",
                (before + 3) + " " + client + " owner.added owner:" + jane);
        assertThat(entries(id).get(before).get("changes")).isEqualTo(Json.tree("""
                [{"field": "kyb_scope", "from": "MINIMAL", "to": "FULL"},
                 {"field": "website", "from": "https://acme.example.com", "to": "https://acme.example.org"}]"""));
    }

    @Test
    void tiersAndActivityAreRecordedWithTheirActorAndAMoveToWhereItIsIsNone() {
        api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);
        String id = api.get("/api/external/customer?email=ciroma@gmail.com", tenant.token()).data().get(0).get("id").stringValue();
        String key = entries(id).get(0).get("actor").stringValue();
        assertThat(key).startsWith("api-key:key.");

        journeys.admin("/admin/v1/customers/" + id + "/tiers/tier-1/verify", null);
        journeys.admin("/admin/v1/customers/" + id + "/deactivate", "Chargebacks");
        journeys.admin("/admin/v1/customers/" + id + "/deactivate", "Again");

        assertThat(history(id)).containsExactly(
                "1 " + key + " customer.created customer",
                "2 " + key + " tier.requested tier:tier-1 null→pending",
                "3 admin-token tier.decided tier:tier-1 pending→verified",
                "4 admin-token customer.activity_changed activity active→inactive \"Chargebacks\"");
        assertThat(change(entries(id).get(0), "reference").get("to").stringValue()).isEqualTo("ref-ciroma");
        assertThat(change(entries(id).get(0), "dob").get("to").stringValue()).as("a date of birth is masked").isEqualTo("***");
        assertThat(entries(id).toString()).doesNotContain("22489035167").doesNotContain("+2349154109234");
    }

    @Test
    void aChangeThatChangesNothingOrIsRefusedRecordsNoEvent() {
        String id = created(Customers.INDIVIDUAL);
        api.put(CUSTOMER + id, tenant.token(), Json.object("city", "Lagos"));
        int before = entries(id).size();

        Response same = api.put(CUSTOMER + id, tenant.token(), Json.object("city", "Lagos", "first_name", "John"));
        Response refused = api.put(CUSTOMER + id, tenant.token(), Json.object("city", "Abuja", "email", "not-an-email"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(entries(id)).hasSize(before);
        assertThat(storedSequence(id)).isEqualTo(before);
    }

    @Test
    void concurrentWritersOfOneCustomerGetNumbersOneAfterAnotherWithNoGaps() throws Exception {
        String id = created(Customers.INDIVIDUAL);
        int writers = 24;
        List<Callable<Integer>> changes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String city = "City " + i;
            changes.add(() -> api.put(CUSTOMER + id, tenant.token(), Json.object("city", city)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> status : pool.invokeAll(changes)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        List<Long> sequences = entries(id).valueStream().map(entry -> entry.get("sequence").longValue()).toList();
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, writers + 1).boxed().toList());
        assertThat(storedSequence(id)).isEqualTo(writers + 1);
        assertThat(entries(id).valueStream().skip(1).map(entry -> entry.get("type").stringValue()))
                .containsOnly("customer.profile_changed");
    }

    @Test
    void anEventIsRecordedOnlyByATransaction() {
        Caller caller = new Caller(new dev.kyra.platform.Tenant(UUID.fromString(tenant.platformId()),
                dev.kyra.platform.Mode.TEST), Actor.ADMIN);

        assertThatThrownBy(() -> events.record(caller, UUID.randomUUID(),
                Change.data(EventType.PROFILE_CHANGED, Change.CUSTOMER, List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void aCarriedWriteRidesInTheEventsStatementAndCommitsOrRollsBackWithThem() {
        String id = created(Customers.INDIVIDUAL);
        Caller caller = new Caller(new dev.kyra.platform.Tenant(UUID.fromString(tenant.platformId()),
                dev.kyra.platform.Mode.TEST), Actor.ADMIN);
        jdbc.sql("create table if not exists carried_writes (id uuid primary key)").update();
        Change change = Change.data(EventType.PROFILE_CHANGED, Change.CUSTOMER, List.of());
        long before = entries(id).size();

        UUID kept = UUID.randomUUID();
        List<Long> told = new ArrayList<>();
        boolean carried = transactions.execute(status -> {
            assertThat(events.carry(carriedInsert(kept, told::add))).as("nothing recorded yet").isFalse();
            events.record(caller, UUID.fromString(id), change);
            return events.carry(carriedInsert(kept, told::add));
        });
        assertThat(carried).isTrue();
        assertThat(told).as("told its rows before the commit").containsExactly(1L);
        assertThat(carriedRows(kept)).isEqualTo(1);
        assertThat(entries(id).size()).isEqualTo(before + 1);

        UUID refused = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.record(caller, UUID.fromString(id), change);
            events.carry(carriedInsert(refused, rows -> {
                throw new IllegalStateException("refused at commit");
            }));
        })).hasMessage("refused at commit");
        assertThat(carriedRows(refused)).as("the carried write rolled back").isZero();
        assertThat(entries(id).size()).as("and the events with it").isEqualTo(before + 1);
        assertThat(events.carry(carriedInsert(UUID.randomUUID(), told::add))).as("outside a transaction").isFalse();
    }

    private static CarriedWrite carriedInsert(UUID id, java.util.function.LongConsumer told) {
        return new CarriedWrite("insert into carried_writes (id) values (:carriedId) returning 1", Map.of("carriedId", id), told);
    }

    private long carriedRows(UUID id) {
        return jdbc.sql("select count(*) from carried_writes where id = :id").param("id", id).query(Long.class).single();
    }

    private String created(String body) {
        Response created = api.post("/api/external/customer", tenant.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().get("id").stringValue();
    }

    private JsonNode entries(String id) {
        return api.get("/admin/v1/customers/" + id + "/history", ADMIN_TOKEN).data();
    }

    /** Each event as one line: sequence, actor, type, subject, a status move and a comment when it has them. */
    private List<String> history(String id) {
        return entries(id).valueStream().map(entry -> {
            StringBuilder line = new StringBuilder().append(entry.get("sequence").longValue()).append(' ')
                    .append(entry.get("actor").stringValue()).append(' ').append(entry.get("type").stringValue())
                    .append(' ').append(entry.get("subject").stringValue());
            if (!entry.get("to").isNull()) {
                line.append(' ').append(entry.get("from").isNull() ? "null" : entry.get("from").stringValue())
                        .append('→').append(entry.get("to").stringValue());
            }
            if (!entry.get("comment").isNull()) {
                line.append(" \"").append(entry.get("comment").stringValue()).append('"');
            }
            return line.toString();
        }).toList();
    }

    private static JsonNode change(JsonNode entry, String field) {
        return entry.get("changes").valueStream().filter(change -> change.get("field").stringValue().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError(field + " not in " + entry));
    }

    private long storedSequence(String id) {
        return jdbc.sql("select event_sequence from customers where id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single();
    }
}
