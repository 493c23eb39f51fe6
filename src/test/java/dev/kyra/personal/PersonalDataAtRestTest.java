package dev.kyra.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import dev.kyra.support.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Personal data at rest (decision D11), against whole Kyra instances on their own data directories:
 * what reaches PostgreSQL's files, its WAL and the file store; erasure, across a restart; the master
 * key's rotation; and start-up with a wrong or missing master key.
 */
@Tag("standalone")
class PersonalDataAtRestTest {

    private static final String ADMIN = KyraIntegrationTest.ADMIN_TOKEN;
    private static final String CUSTOMER = "/api/external/customer";

    @TempDir
    Path dataDir;

    @Test
    void noSealedValueReachesTheDatabaseFilesTheWalOrTheFileStore() throws Exception {
        String idNumber = marker("IDN");
        String tin = marker("TIN");
        String registration = marker("REG");
        String ownerDocument = marker("OWNDOC");
        String ownerTin = marker("OWNTIN");
        String allaweeIdentity = marker("BVN");
        LocalDate birth = LocalDate.of(1931, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        LocalDate ownerBirth = birth.minusYears(1);
        String control = marker("Control"); // a first name: personal, but not sealed
        String scanMarker = marker("SCAN");
        byte[] scan = scan(scanMarker);
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of("kyra.admin-token", ADMIN,
                "kyra.webhook.allow-private-targets", "true"));
             WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = kyra.api();
            Tenant tenant = new Tenants(api).create();
            Journeys journeys = new Journeys(api, tenant);
            // every event to a webhook: the bodies kept for its log and replays are full customers
            String webhook = api.post("/webhooks", tenant.apiKey(), Json.write(Map.of("name", "all", "url", receiver.url("/h"),
                    "events", List.of("customer.created", "customer.updated")))).data().get("id").stringValue();
            api.post("/webhooks/" + webhook + "/enable", tenant.apiKey(), "{}");
            String individual = created(api.post(CUSTOMER, tenant.token(), Json.with(Customers.INDIVIDUAL,
                    "id_number", idNumber, "first_name", control)));
            assertThat(api.post(CUSTOMER + "/" + individual + "/kyc-data", tenant.token(),
                    Json.object("dob", birth.toString())).status()).isEqualTo(200);
            String business = created(api.post(CUSTOMER, tenant.token(), Json.with(Customers.BUSINESS,
                    "registration_number", registration, "tin", tin, "owners", List.of(Map.of("first_name", "Jane",
                            "last_name", "Doe", "ownership_percentage", 60, "id_document_type", "passport",
                            "id_document_number", ownerDocument, "tin", ownerTin, "date_of_birth", ownerBirth.toString())))));
            Response allawee = api.post("/customers", tenant.apiKey(),
                    Customers.ALLAWEE_INDIVIDUAL.replace("22489035167", allaweeIdentity));
            assertThat(allawee.status()).as(allawee.toString()).isEqualTo(201);
            String proof = journeys.uploadLegacyFile(individual, "proof_of_address", scan);
            assertThat(api.post(CUSTOMER + "/" + individual + "/files", tenant.token(),
                    Json.object("proof_of_address_file", proof)).status()).isEqualTo(200);

            JsonNode read = api.get(CUSTOMER + "/" + individual, tenant.token()).data();
            assertThat(read.get("id_number").stringValue()).as("returned to its owner as it was sent").isEqualTo(idNumber);
            assertThat(read.get("kyc_data").get("dob").stringValue()).isEqualTo(birth.toString());
            JsonNode owner = api.get(CUSTOMER + "/" + business, tenant.token()).data().get("owners").get(0);
            assertThat(owner.get("id_document_number").stringValue()).isEqualTo(ownerDocument);
            assertThat(owner.get("tin").stringValue()).isEqualTo(ownerTin);
            assertThat(owner.get("date_of_birth").stringValue()).isEqualTo(ownerBirth.toString());
            assertThat(api.get("/customers/" + allawee.data().get("id").stringValue(), tenant.apiKey()).data()
                    .get("claims").get("individualIdentity").get("id").stringValue()).isEqualTo(allaweeIdentity);
            assertThat(ids(api.get(CUSTOMER + "?id_number=" + idNumber, tenant.token()))).as("found by its blind index")
                    .containsExactly(individual);
            assertThat(ids(api.get(CUSTOMER + "?registration_number=" + registration, tenant.token()))).containsExactly(business);
            assertThat(ids(api.get(CUSTOMER + "?id_number=" + idNumber.toLowerCase(), tenant.token()))).isEmpty();
            Response duplicate = api.post(CUSTOMER, tenant.token(), Json.with(Customers.BUSINESS, "registration_number", registration));
            assertThat(duplicate.status()).as("uniqueness holds over the blind index").isEqualTo(422);
            assertThat(download(api, individual, "proof_of_address_file")).as("downloads decrypt").isEqualTo(scan);
            assertThat(receiver.await(request -> request.body().contains(allaweeIdentity)).body())
                    .as("the receiver gets the values themselves").contains("\"id\":\"" + allaweeIdentity + "\"");
            String allaweeId = allawee.data().get("id").stringValue();
            JsonNode event = api.get("/events?filter=" + java.net.URLEncoder.encode("event:customer.created", StandardCharsets.UTF_8),
                    tenant.apiKey()).data().valueStream().filter(record -> record.toString().contains(allaweeId)).findFirst().orElseThrow();
            assertThat(event.toString()).as("the kept body reads back for its log").contains(allaweeIdentity);
        } // a clean stop checkpoints: the table files hold everything the WAL does

        List<String> sealed = List.of(idNumber, tin, registration, ownerDocument, ownerTin, allaweeIdentity,
                birth.toString(), ownerBirth.toString(), scanMarker);
        Path database = dataDir.resolve("postgres");
        assertThat(filesHolding(database, control)).as("the scan sees plain values where they are stored plain")
                .anyMatch(path -> path.toString().contains("pg_wal")).anyMatch(path -> path.toString().contains("base"));
        for (String value : sealed) {
            assertThat(filesHolding(dataDir, value)).as("files holding " + value).isEmpty();
        }
        assertThat(filesHolding(dataDir.resolve("files"), "%PDF")).as("the file store holds ciphertext only").isEmpty();
    }

    @Test
    void erasureLeavesATombstoneFreesItsValuesAndSurvivesARestart() throws Exception {
        String idNumber = marker("ERASE");
        String registration = marker("ERREG");
        String individual;
        String business;
        String kept;
        Tenant tenant;
        try (KyraInstance kyra = start()) {
            Api api = kyra.api();
            tenant = new Tenants(api).create();
            Journeys journeys = new Journeys(api, tenant);
            individual = created(api.post(CUSTOMER, tenant.token(), Json.with(Customers.INDIVIDUAL, "id_number", idNumber,
                    "email", "erase.me@example.com", "phone", "+2348012345678")));
            String referenced = created(api.post("/customers", tenant.apiKey(),
                    Customers.ALLAWEE_INDIVIDUAL.replace("ref-ciroma", "erase-ref")));
            journeys.sendIndividualToReview(individual);
            business = created(api.post(CUSTOMER, tenant.token(), Customers.business(registration)));
            journeys.addFormationDocument(business);
            kept = created(api.post(CUSTOMER, tenant.token(), Json.with(Customers.INDIVIDUAL, "id_number", idNumber + "K",
                    "email", "keep.me@example.com")));
            JdbcClient jdbc = kyra.bean(JdbcClient.class);

            String referencedUuid = jdbc.sql("select id::text from customers where reference = 'erase-ref'")
                    .query(String.class).single();
            for (String erased : List.of(individual, business, referencedUuid)) {
                Response erasure = api.delete("/admin/v1/customers/" + erased + "/personal-data", ADMIN);
                assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);
                assertThat(api.delete("/admin/v1/customers/" + erased + "/personal-data", ADMIN).status())
                        .as("idempotent").isEqualTo(200);
            }

            assertTombstone(api, tenant, individual, "PROCESSING");
            assertThat(api.get(CUSTOMER + "/" + business, tenant.token()).data().get("business_name").isNull()).isTrue();
            assertThat(jdbc.sql("select count(*) from files where customer_id in (cast(:a as uuid), cast(:b as uuid))")
                    .param("a", individual).param("b", business).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from customers where id = cast(:id as uuid) and data_key is null")
                    .param("id", individual).query(Long.class).single()).as("its key is destroyed").isEqualTo(1);
            try (Stream<Path> stored = Files.walk(dataDir.resolve("files"))) {
                assertThat(stored.filter(Files::isRegularFile).map(Path::toString))
                        .noneMatch(path -> path.contains(individual) || path.contains(business));
            }
            assertThat(ids(api.get(CUSTOMER + "?id_number=" + idNumber, tenant.token()))).isEmpty();
            assertThat(ids(api.get(CUSTOMER + "?email=erase.me@example.com", tenant.token()))).isEmpty();
            assertThat(api.get("/customers/" + referenced, tenant.apiKey()).data().get("reference").isNull()).isTrue();
            assertThat(created(api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL.replace("ref-ciroma", "erase-ref"))))
                    .as("its reference is free again").isNotBlank();
            assertThat(created(api.post(CUSTOMER, tenant.token(), Customers.business(registration))))
                    .as("its registration is free again").isNotBlank();
            assertThat(api.get(CUSTOMER + "/" + kept, tenant.token()).data().get("id_number").stringValue())
                    .as("another customer is untouched").isEqualTo(idNumber + "K");
        }

        try (KyraInstance restarted = start()) {
            Api api = restarted.api();
            Tenant again = new Tenant(tenant.platformId(), tenant.clientId(), tenant.clientSecret(), tenant.mode(),
                    new Tenants(api).token(tenant.clientId(), tenant.clientSecret(), String.join(" ", Tenants.ALL_SCOPES)),
                    tenant.apiKey());
            assertTombstone(api, again, individual, "PROCESSING");
            assertThat(ids(api.get(CUSTOMER + "?id_number=" + idNumber, again.token()))).isEmpty();
            assertThat(api.get(CUSTOMER + "/" + kept, again.token()).data().get("id_number").stringValue()).isEqualTo(idNumber + "K");
            Response edited = api.put(CUSTOMER + "/" + business, again.token(), Json.object("tin", "NEW-TIN-1"));
            assertThat(edited.status()).as("a tombstone takes new data, under a new key: " + edited).isEqualTo(200);
            assertThat(api.get(CUSTOMER + "/" + business, again.token()).data().get("tin").stringValue()).isEqualTo("NEW-TIN-1");
        }
    }

    @Test
    void aNewMasterKeyRewrapsEveryKeyAndTheOldOneCanThenBeRetired() throws Exception {
        Path keyFile = dataDir.resolve("master.key");
        List<String> customers = new ArrayList<>();
        Tenant tenant;
        String original;
        try (KyraInstance kyra = start()) {
            Api api = kyra.api();
            tenant = new Tenants(api).create();
            for (int i = 0; i < 30; i++) {
                customers.add(created(api.post(CUSTOMER, tenant.token(), Json.with(Customers.INDIVIDUAL, "id_number", "ROT-" + i))));
            }
            String proof = new Journeys(api, tenant).uploadLegacyFile(customers.getFirst(), "proof_of_address", Journeys.PDF);
            api.post(CUSTOMER + "/" + customers.getFirst() + "/files", tenant.token(), Json.object("proof_of_address_file", proof));
            JsonNode before = api.get("/admin/v1/master-keys", ADMIN).data();
            original = before.get("primary").stringValue();
            assertThat(wrapped(before, original)).as("30 customers, a file and the blind-index key").isEqualTo(32);

            // an operator's own key, put first in the file: Kyra reads the file again and wraps new keys with it
            Files.writeString(keyFile, "operator-2 " + Base64.getEncoder().encodeToString(randomKey()) + "\n"
                    + Files.readString(keyFile));
            Files.setLastModifiedTime(keyFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            JsonNode operatorFirst = awaitPrimary(api, "operator-2");
            assertThat(wrapped(operatorFirst, original)).isEqualTo(32);
            Response refused = api.delete("/admin/v1/master-keys/" + original, ADMIN);
            assertThat(refused.status()).as("a key still in use is not retired").isEqualTo(409);
            assertThat(api.delete("/admin/v1/master-keys/operator-2", ADMIN).status()).as("nor the primary").isEqualTo(409);
            assertThat(api.delete("/admin/v1/master-keys/nobody", ADMIN).status()).isEqualTo(404);

            assertThat(api.post("/admin/v1/master-keys/rewrap", ADMIN, "").status()).isEqualTo(202);
            JsonNode moved = awaitRewrap(api);
            assertThat(wrapped(moved, original)).isZero();
            assertThat(wrapped(moved, "operator-2")).isEqualTo(32);

            Response rotated = api.post("/admin/v1/master-keys", ADMIN, "");
            assertThat(rotated.status()).as("Kyra makes the next key itself").isEqualTo(202);
            String generated = rotated.data().get("primary").stringValue();
            JsonNode done = awaitRewrap(api);
            assertThat(wrapped(done, generated)).isEqualTo(32);
            for (String retired : List.of(original, "operator-2")) {
                Response retire = api.delete("/admin/v1/master-keys/" + retired, ADMIN);
                assertThat(retire.status()).as(retire.toString()).isEqualTo(200);
            }
            assertThat(Files.readString(keyFile)).doesNotContain(original).doesNotContain("operator-2").contains(generated);
            created(api.post(CUSTOMER, tenant.token(), Json.with(Customers.INDIVIDUAL, "id_number", "ROT-NEW")));
        }

        try (KyraInstance restarted = start()) {
            Api api = restarted.api();
            String token = new Tenants(api).token(tenant.clientId(), tenant.clientSecret(), String.join(" ", Tenants.ALL_SCOPES));
            for (int i = 0; i < customers.size(); i++) {
                assertThat(api.get(CUSTOMER + "/" + customers.get(i), token).data().get("id_number").stringValue())
                        .isEqualTo("ROT-" + i);
            }
            assertThat(ids(api.get(CUSTOMER + "?id_number=ROT-7", token))).as("blind indexes outlive the rotation")
                    .containsExactly(customers.get(7));
            assertThat(download(api, customers.getFirst(), "proof_of_address_file")).isEqualTo(Journeys.PDF);
        }
    }

    @Test
    void valuesStoredBeforeEncryptionAreSealedAfterStartUp() throws Exception {
        String legacy = marker("LEGACY");
        Tenant tenant;
        String id;
        try (KyraInstance kyra = start()) {
            tenant = new Tenants(kyra.api()).create();
            id = created(kyra.api().post(CUSTOMER, tenant.token(), Customers.INDIVIDUAL));
            // the row as a version before encryption left it: plain values, no key
            kyra.bean(JdbcClient.class).sql("""
                            update customers set data_key = null, data_key_master = null,
                                profile = jsonb_set(jsonb_set(profile, '{id_number}', to_jsonb(cast(:legacy as text))),
                                                    '{dob}', '"1960-02-29"')
                            where id = cast(:id as uuid)""")
                    .param("legacy", legacy).param("id", id).update();
        }
        try (KyraInstance restarted = start()) {
            Api api = restarted.api();
            JdbcClient jdbc = restarted.bean(JdbcClient.class);
            String stored = null;
            for (int i = 0; i < 100 && (stored == null || stored.contains(legacy)); i++) {
                Thread.sleep(100);
                stored = jdbc.sql("select profile::text from customers where id = cast(:id as uuid)").param("id", id)
                        .query(String.class).single();
            }
            assertThat(stored).doesNotContain(legacy).doesNotContain("1960-02-29").contains("\"sealed\"");
            String token = new Tenants(api).token(tenant.clientId(), tenant.clientSecret(), String.join(" ", Tenants.ALL_SCOPES));
            JsonNode customer = api.get(CUSTOMER + "/" + id, token).data();
            assertThat(customer.get("id_number").stringValue()).isEqualTo(legacy);
            assertThat(customer.get("kyc_data").get("dob").stringValue()).isEqualTo("1960-02-29");
            assertThat(ids(api.get(CUSTOMER + "?id_number=" + legacy, token))).containsExactly(id);
        }
    }

    @Test
    void startUpRefusesAMissingOrWrongMasterKey() throws Exception {
        Path keyFile = dataDir.resolve("master.key");
        try (KyraInstance kyra = start()) {
            Tenant tenant = new Tenants(kyra.api()).create();
            created(kyra.api().post(CUSTOMER, tenant.token(), Customers.INDIVIDUAL));
        }
        assertThat(Files.getPosixFilePermissions(keyFile)).as("owner-only")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String good = Files.readString(keyFile);
        String id = good.lines().filter(line -> !line.startsWith("#")).findFirst().orElseThrow().split(" ")[0];

        Files.move(keyFile, dataDir.resolve("master.key.moved"));
        assertThatThrownBy(this::start).hasStackTraceContaining("is missing, but this database holds data keys wrapped by master key " + id);
        assertThat(keyFile).as("no new key was made in its place").doesNotExist();

        Files.writeString(keyFile, id + " " + Base64.getEncoder().encodeToString(randomKey()) + "\n");
        assertThatThrownBy(this::start).hasStackTraceContaining("it is another key of the same id");

        Files.writeString(keyFile, "other " + Base64.getEncoder().encodeToString(randomKey()) + "\n");
        assertThatThrownBy(this::start).hasStackTraceContaining("does not hold master key " + id);

        Files.writeString(keyFile, "k1 not-base64\n");
        assertThatThrownBy(this::start).hasStackTraceContaining("line 1 of the master key file")
                .satisfies(thrown -> assertThat(stackTrace(thrown)).doesNotContain("not-base64"));

        Files.writeString(keyFile, good);
        try (KyraInstance restored = start()) {
            assertThat(restored.api().get("/actuator/health", null).status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> KyraInstance.start(dataDir, Map.of("kyra.admin-token", ADMIN,
                "kyra.master-key-file", dataDir.resolve("absent.key").toString())))
                .hasStackTraceContaining("absent.key");
    }

    private KyraInstance start() {
        return KyraInstance.start(dataDir, Map.of("kyra.admin-token", ADMIN));
    }

    private static void assertTombstone(Api api, Tenant tenant, String id, String status) {
        JsonNode customer = api.get(CUSTOMER + "/" + id, tenant.token()).data();
        assertThat(customer.get("id").stringValue()).isEqualTo(id);
        assertThat(customer.get("verification_status").stringValue()).isEqualTo(status);
        for (String field : List.of("email", "phone", "first_name", "last_name", "id_number", "reference")) {
            assertThat(customer.get(field) == null || customer.get(field).isNull()).as(field + " in " + customer).isTrue();
        }
        JsonNode history = api.get("/admin/v1/customers/" + id + "/history", ADMIN).data();
        List<String> types = history.valueStream().map(event -> event.get("type").stringValue()).toList();
        assertThat(types).as("one erasure, recorded once").containsOnlyOnce("customer.erased").contains("customer.created");
        assertThat(history.toString()).doesNotContain("John").doesNotContain("Doe").doesNotContain("erase.me");
    }

    private static JsonNode awaitPrimary(Api api, String primary) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode status = api.get("/admin/v1/master-keys", ADMIN).data();
            if (status.get("primary").stringValue().equals(primary)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Kyra never read the new master key file");
    }

    private static JsonNode awaitRewrap(Api api) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode status = api.get("/admin/v1/master-keys", ADMIN).data();
            if (!status.get("rewrap").get("running").booleanValue()) {
                assertThat(status.get("rewrap").get("failure").isNull()).as(status.toString()).isTrue();
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the re-wrap did not end");
    }

    private static long wrapped(JsonNode status, String masterKey) {
        return status.get("keys").valueStream().filter(key -> key.get("id").stringValue().equals(masterKey))
                .mapToLong(key -> key.get("wrapped_keys").longValue()).sum();
    }

    private static byte[] download(Api api, String customer, String slot) throws IOException, InterruptedException {
        String url = api.get("/admin/v1/customers/" + customer, ADMIN).data().get("files").get(slot).get("download_url").stringValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.data().get("id").stringValue();
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.data().valueStream().map(customer -> customer.get("id").stringValue()).toList();
    }

    /** A value no other test writes and no data file holds by chance. */
    private static String marker(String prefix) {
        Random random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** A PDF with a marker inside, long enough to span more than one of the streaming cipher's blocks. */
    private static byte[] scan(String marker) {
        return ("%PDF-1.7\n" + marker + "\n" + "x".repeat(70_000) + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return key;
    }

    private static List<Path> filesHolding(Path root, String value) throws IOException {
        byte[] needle = value.getBytes(StandardCharsets.ISO_8859_1);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(path -> contains(path, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] haystack;
        try {
            haystack = Files.readAllBytes(file);
        } catch (IOException e) {
            return false; // a socket or lock file the server holds
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String stackTrace(Throwable thrown) {
        java.io.StringWriter out = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
