import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver of bench/run: answers every POST with 200 at once and keeps, for each
 * Blaaiz delivery, how long after its event it arrived (the body's updated_at is the time Kyra
 * recorded the event, just before the commit; receiver and Kyra share the machine's clock).
 * GET /stats prints {"received", "allawee", "p50", "p99", "first", "last"} (milliseconds; first and
 * last are epoch milliseconds of the first and last receipt); POST /reset forgets everything.
 * Usage: java bench/Receiver.java PORT
 */
public class Receiver {

    private static final Pattern UPDATED_AT = Pattern.compile("\"updated_at\":\"([^\"]+)\"");
    private static final List<Double> latencies = new ArrayList<>();
    private static long allawee;
    private static long first;
    private static long last;

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", Receiver::handle);
        server.start();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.equals("/stats")) {
            answer(exchange, stats());
            return;
        }
        if (path.equals("/reset")) {
            synchronized (Receiver.class) {
                latencies.clear();
                allawee = 0;
                first = 0;
                last = 0;
            }
            answer(exchange, "{}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        Matcher updated = UPDATED_AT.matcher(body);
        Double latency = path.startsWith("/blaaiz") && updated.find()
                ? (double) (now - Instant.parse(updated.group(1)).toEpochMilli())
                : null;
        synchronized (Receiver.class) {
            if (latency != null) {
                latencies.add(latency);
            } else {
                allawee++;
            }
            first = first == 0 ? now : first;
            last = now;
        }
        answer(exchange, "ok");
    }

    private static synchronized String stats() {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format("{\"received\": %d, \"allawee\": %d, \"p50\": %.1f, \"p99\": %.1f, \"first\": %d, \"last\": %d}",
                sorted.size(), allawee, percentile(sorted, 0.50), percentile(sorted, 0.99), first, last);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
