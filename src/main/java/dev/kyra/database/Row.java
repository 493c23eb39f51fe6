package dev.kyra.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row to map into a record: the current row of a result set, or a JSON object PostgreSQL built
 * from a row ({@code json_build_object}), as a read that fetches a customer with everything it holds
 * in one statement receives its owners, documents and tiers. One mapper serves both.
 */
public interface Row {

    /** The column's text; a {@code json}/{@code jsonb} value as JSON text. Null for SQL null. */
    String text(String column) throws SQLException;

    UUID uuid(String column) throws SQLException;

    Instant instant(String column) throws SQLException;

    /** A mapper of rows into records. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(Row row) throws SQLException;
    }

    static Row of(ResultSet resultSet) {
        return new Row() {
            @Override
            public String text(String column) throws SQLException {
                return resultSet.getString(column);
            }

            @Override
            public UUID uuid(String column) throws SQLException {
                return resultSet.getObject(column, UUID.class);
            }

            @Override
            public Instant instant(String column) throws SQLException {
                java.sql.Timestamp timestamp = resultSet.getTimestamp(column);
                return timestamp == null ? null : timestamp.toInstant();
            }
        };
    }

    static Row of(JsonNode object) {
        return new Row() {
            @Override
            public String text(String column) {
                JsonNode value = object.get(column);
                if (value == null || value.isNull()) {
                    return null;
                }
                return value.isContainer() ? value.toString() : value.asString();
            }

            @Override
            public UUID uuid(String column) {
                String value = text(column);
                return value == null ? null : UUID.fromString(value);
            }

            @Override
            public Instant instant(String column) {
                String value = text(column); // json_build_object writes a timestamptz as ISO 8601 with its offset
                return value == null ? null : OffsetDateTime.parse(value).toInstant();
            }
        };
    }

    /** Each object of a JSON array (as {@code json_agg} builds it) mapped; null is no rows. */
    static <T> List<T> mapAll(String jsonArray, Mapper<T> mapper) {
        List<T> mapped = new ArrayList<>();
        if (jsonArray == null) {
            return mapped;
        }
        for (JsonNode object : JsonRows.JSON.readTree(jsonArray).values()) {
            try {
                mapped.add(mapper.map(of(object)));
            } catch (SQLException e) {
                throw new IllegalStateException("a JSON row cannot fail as a result set can", e);
            }
        }
        return mapped;
    }

    /** Holds the one JSON reader of {@link #mapAll}. */
    final class JsonRows {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private JsonRows() {
        }
    }
}
