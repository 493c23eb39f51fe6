package dev.kyra.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A local download says its length from the size kept at upload, and sends the bytes as they were
 * uploaded; a file kept before sizes were (no size in its row) is counted instead, and downloads alike.
 */
class LocalDownloadTest extends KyraIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void theSizeKeptAtUploadIsTheLengthOfTheDownload() throws Exception {
        Tenant tenant = tenants.create();
        Journeys journeys = new Journeys(api, tenant);
        String customer = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        byte[] scan = Arrays.copyOf(Journeys.JPEG, 3 * 1024 * 1024 + 17); // past a segment of the file's encryption
        Arrays.fill(scan, Journeys.JPEG.length, scan.length, (byte) 7);
        String fileId = journeys.uploadLegacyFile(customer, "identity", scan);
        assertThat(api.post("/api/external/customer/" + customer + "/files", tenant.token(),
                Json.object("id_file", fileId)).status()).isEqualTo(200);

        assertThat(jdbc.sql("select size from files where id = cast(:id as uuid)").param("id", fileId).query(Long.class).single())
                .isEqualTo(scan.length);
        assertDownloads(customer, scan);

        jdbc.sql("update files set size = null where id = cast(:id as uuid)").param("id", fileId).update();
        assertDownloads(customer, scan);
    }

    private void assertDownloads(String customer, byte[] expected) throws IOException, InterruptedException {
        String url = api.get("/admin/v1/customers/" + customer, ADMIN_TOKEN).data().get("files").get("id_file")
                .get("download_url").stringValue();
        HttpResponse<byte[]> download = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(expected.length);
        assertThat(download.body()).isEqualTo(expected);
    }
}
