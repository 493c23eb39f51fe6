import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds customers through Kyra's own API, half on each face, and appends their ids to two files: the
 * Blaaiz UUIDs and the Allawee cus. ids the load scripts pick from.
 *
 * Usage: java Seed.java BASE_URL BLAAIZ_TOKEN API_KEY COUNT CONCURRENCY BLAAIZ_IDS_FILE ALLAWEE_IDS_FILE RUN_TAG
 */
public class Seed {

    private static final Pattern BLAAIZ_ID = Pattern.compile("\"data\":\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern ALLAWEE_ID = Pattern.compile("\"id\":\"(cus\\.[1-9A-HJ-NP-Za-km-z]{17})\"");
    private static final List<String> STATES = List.of("NG-LA", "NG-FC", "NG-KN", "NG-RI", "NG-OY");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String apiKey = args[2];
        int count = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        Path blaaizIds = Path.of(args[5]);
        Path allaweeIds = Path.of(args[6]);
        String tag = args[7];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ConcurrentLinkedQueue<String> blaaiz = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> allawee = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Semaphore slots = new Semaphore(concurrency);
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                slots.acquire();
                executor.submit(() -> {
                    try {
                        if (n % 2 == 0) {
                            create(client, base + "/api/external/customer", token, blaaizBody(tag, n), BLAAIZ_ID, blaaiz, failures);
                        } else {
                            create(client, base + "/customers", apiKey, allaweeBody(tag, n), ALLAWEE_ID, allawee, failures);
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.write(blaaizIds, blaaiz, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.write(allaweeIds, allawee, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf("seeded %d customers in %.1f s (%.0f/s), %d failures%n", count - failures.get(), seconds,
                count / seconds, failures.get());
        if (failures.get() > 0) {
            System.exit(1);
        }
    }

    private static void create(HttpClient client, String url, String token, String body, Pattern idPattern,
                               ConcurrentLinkedQueue<String> ids, AtomicInteger failures) {
        try {
            HttpResponse<String> response = send(client, url, token, body);
            for (int retry = 0; retry < 3 && response.statusCode() == 503; retry++) {
                // overloaded for a moment: a well-behaved client comes back, as the 503 asks
                Thread.sleep(1000);
                response = send(client, url, token, body);
            }
            Matcher matcher = idPattern.matcher(response.body());
            if (response.statusCode() == 201 && matcher.find()) {
                ids.add(matcher.group(1));
            } else {
                failures.incrementAndGet();
            }
        } catch (IOException | InterruptedException e) {
            failures.incrementAndGet();
        }
    }

    private static HttpResponse<String> send(HttpClient client, String url, String token, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String blaaizBody(String tag, int n) {
        return """
                {"type": "individual", "email": "seed.%1$s.%2$d@example.com", "country": "NG", "first_name": "Seed%2$d",
                 "last_name": "Customer", "id_type": "passport", "id_number": "P%1$s%2$d", "dob": "1990-01-01",
                 "street": "12 Admiralty Way", "city": "Lagos", "state": "Lagos", "zip_code": "101233",
                 "phone": "+2348012345678"}""".formatted(tag, n);
    }

    private static String allaweeBody(String tag, int n) {
        return """
                {"name": "Seed %2$d Customer", "reference": "seed-%1$s-%2$d", "type": "individual",
                 "claims": {"individualInformation": {"firstName": "Seed%2$d", "lastName": "Customer",
                   "email": "seed.%1$s.%2$d@example.org", "phoneNumber": "+2348012345678", "dateOfBirth": "1990-1-1"},
                  "individualAddress": {"city": "Ikeja", "state": "%3$s", "countryCode": "NG", "addressLineOne": "1 Example St"},
                  "individualIdentity": {"type": "bvn", "id": "2%2$010d", "issuingCountry": "NG"}},
                 "verifications": ["tier-1"], "metadata": {"seed": %2$d}}""".formatted(tag, n, STATES.get(n % STATES.size()));
    }
}
