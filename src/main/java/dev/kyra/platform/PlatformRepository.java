package dev.kyra.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlatformRepository {

    private static final String COLUMNS = """
            id, name, is_default, minimal_kyb_allowed, auto_verify_business_customers,
            auto_verify_individuals, four_eyes, rate_limit_per_minute, rate_limit_per_hour, request_log, created_at, updated_at""";

    private final JdbcClient jdbc;

    PlatformRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Platform platform) {
        jdbc.sql("insert into platforms (" + COLUMNS + ") values "
                        + "(:id, :name, :isDefault, :minimal, :autoBusiness, :autoIndividual, :fourEyes, :perMinute, :perHour, :requestLog, :createdAt, :updatedAt)")
                .param("id", platform.id())
                .param("name", platform.name())
                .param("isDefault", platform.isDefault())
                .param("minimal", platform.settings().minimalKybAllowed())
                .param("autoBusiness", platform.settings().autoVerifyBusinessCustomers())
                .param("autoIndividual", platform.settings().autoVerifyIndividuals())
                .param("fourEyes", platform.settings().fourEyes())
                .param("perMinute", platform.settings().rateLimits().perMinute(), java.sql.Types.INTEGER)
                .param("perHour", platform.settings().rateLimits().perHour(), java.sql.Types.INTEGER)
                .param("requestLog", platform.settings().requestLog())
                .param("createdAt", Timestamp.from(platform.createdAt()))
                .param("updatedAt", Timestamp.from(platform.updatedAt()))
                .update();
    }

    void updateSettings(UUID id, PlatformSettings settings, java.time.Instant updatedAt) {
        jdbc.sql("""
                        update platforms set minimal_kyb_allowed = :minimal,
                            auto_verify_business_customers = :autoBusiness,
                            auto_verify_individuals = :autoIndividual, four_eyes = :fourEyes,
                            rate_limit_per_minute = :perMinute, rate_limit_per_hour = :perHour,
                            request_log = :requestLog, updated_at = :updatedAt
                        where id = :id""")
                .param("id", id)
                .param("minimal", settings.minimalKybAllowed())
                .param("autoBusiness", settings.autoVerifyBusinessCustomers())
                .param("autoIndividual", settings.autoVerifyIndividuals())
                .param("fourEyes", settings.fourEyes())
                .param("perMinute", settings.rateLimits().perMinute(), java.sql.Types.INTEGER)
                .param("perHour", settings.rateLimits().perHour(), java.sql.Types.INTEGER)
                .param("requestLog", settings.requestLog())
                .param("updatedAt", Timestamp.from(updatedAt))
                .update();
    }

    Optional<Platform> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from platforms where id = :id")
                .param("id", id).query(PlatformRepository::map).optional();
    }

    /** Refuses a platform id that names no platform. */
    void require(UUID id) {
        if (find(id).isEmpty()) {
            throw new PlatformNotFoundException(id);
        }
    }

    Optional<Platform> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from platforms where id = :id for update")
                .param("id", id).query(PlatformRepository::map).optional();
    }

    Optional<Platform> findDefault() {
        return jdbc.sql("select " + COLUMNS + " from platforms where is_default")
                .query(PlatformRepository::map).optional();
    }

    List<Platform> findAll() {
        return jdbc.sql("select " + COLUMNS + " from platforms order by created_at, id")
                .query(PlatformRepository::map).list();
    }

    private static Platform map(ResultSet row, int rowNumber) throws SQLException {
        return new Platform(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getBoolean("is_default"),
                new PlatformSettings(row.getBoolean("minimal_kyb_allowed"),
                        row.getBoolean("auto_verify_business_customers"),
                        row.getBoolean("auto_verify_individuals"), row.getBoolean("four_eyes"),
                        new RateLimitOverrides(row.getObject("rate_limit_per_minute", Integer.class),
                                row.getObject("rate_limit_per_hour", Integer.class)),
                        row.getBoolean("request_log")),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
