package dev.kyra.database;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL that could lose committed KYC records in a crash: fsync and
 * synchronous_commit must both be on. This guards the embedded server (whose launcher passes
 * {@code -F}, fsync off, before our own settings) as much as a misconfigured external one.
 */
@Component
class DurabilityCheck implements InitializingBean {

    private static final List<String> SETTINGS_THAT_MUST_BE_ON = List.of("fsync", "synchronous_commit");

    private final JdbcClient jdbc;

    DurabilityCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        for (String setting : SETTINGS_THAT_MUST_BE_ON) {
            String value = jdbc.sql("select current_setting(:name)").param("name", setting).query(String.class).single();
            if (!"on".equals(value)) {
                throw new IllegalStateException("PostgreSQL has " + setting + "=" + value
                        + "; Kyra needs it on so that committed records survive a crash");
            }
        }
    }
}
