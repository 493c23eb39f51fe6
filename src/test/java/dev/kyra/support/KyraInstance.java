package dev.kyra.support;

import dev.kyra.KyraApplication;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Kyra started in this JVM with its own settings, as {@code main} starts it, for tests of start, stop and restart. */
public final class KyraInstance implements AutoCloseable {

    public static final String ADMIN_TOKEN = "lifecycle-admin-token";

    private final ConfigurableApplicationContext context;

    private KyraInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts Kyra with these settings over the defaults below; a setting given twice would be joined by a comma. */
    public static KyraInstance start(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("server.port", "0",
                "kyra.data-dir", dataDir.toAbsolutePath().toString(), "kyra.admin-token", ADMIN_TOKEN,
                "logging.level.dev.kyra.requests", "WARN"));
        all.putAll(settings);
        List<String> args = new ArrayList<>();
        all.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new KyraInstance(KyraApplication.application().run(args.toArray(String[]::new)));
    }

    /**
     * Another node of this one's cluster: its own data directory, this node's database, and the
     * secrets and master keys every node of a cluster shares (as the README says).
     */
    public KyraInstance secondNode(Path dataDir, Map<String, String> settings) {
        Path firstDir = Path.of(context.getEnvironment().getRequiredProperty("kyra.data-dir"));
        HikariDataSource database = context.getBean(HikariDataSource.class);
        Map<String, String> shared = new LinkedHashMap<>(settings);
        shared.put("kyra.database.url", database.getJdbcUrl());
        shared.put("kyra.database.username", database.getUsername());
        try {
            shared.put("kyra.database.password", Files.readString(firstDir.resolve("postgres.password")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shared.put("kyra.secrets-key-file", firstDir.resolve("secrets.key").toString());
        shared.put("kyra.master-key-file", firstDir.resolve("master.key").toString());
        return start(dataDir, shared);
    }

    public Api api() {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
