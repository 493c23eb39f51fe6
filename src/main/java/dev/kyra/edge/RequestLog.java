package dev.kyra.edge;

import dev.kyra.platform.PlatformService;
import dev.kyra.platform.Tenant;
import dev.kyra.query.AttributeTable;
import dev.kyra.query.KeysetSearch;
import dev.kyra.query.ListQuery;
import dev.kyra.query.QueryAttribute;
import dev.kyra.query.SqlFragment;
import dev.kyra.query.ValueType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decision A18's log of a platform's requests, per mode: written by a face's filter off the request
 * path ({@link RequestLogWriter}), read through the list query language, kept 30 days.
 */
@Service
public class RequestLog {

    private static final String COLUMNS = "r.id, r.method, r.path, r.api_version, r.status_code, r.latency_ms, r.ip_address, r.created_at";
    private static final String FROM = "api_requests r";
    private static final String SCOPE = "r.platform_id = :platformId and r.mode = :mode";

    /** What a list of requests filters and sorts by; {@code status} is the record's, always {@code completed}. */
    static final AttributeTable ATTRIBUTES = AttributeTable.of(Map.of(
            "id", QueryAttribute.required("r.id", ValueType.TEXT),
            "method", QueryAttribute.required("r.method", ValueType.TEXT),
            "path", QueryAttribute.required("r.path", ValueType.TEXT),
            "status", QueryAttribute.required("'completed'", ValueType.TEXT),
            "status_code", QueryAttribute.required("r.status_code", ValueType.NUMBER),
            "created_at", QueryAttribute.required("r.created_at", ValueType.TIMESTAMP)));

    private final JdbcClient jdbc;
    private final RequestLogWriter writer;
    private final PlatformService platforms;
    private final Clock clock;
    private final KeysetSearch<RequestRecord> search;
    private final TransactionTemplate reading;

    RequestLog(JdbcClient jdbc, RequestLogWriter writer, PlatformService platforms, Clock clock,
               PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writer = writer;
        this.platforms = platforms;
        this.clock = clock;
        this.search = new KeysetSearch<>(jdbc, COLUMNS, FROM, ATTRIBUTES, "r.id", "r.id", "request", RequestLog::map);
    }

    /**
     * The filter a face puts in its chain once the caller is known, so that refusals past that point
     * (403, 429) are logged too. It logs the requests of platforms that keep the log (the default).
     *
     * @param apiVersion the version a request was served at, as the face tells it
     */
    public Filter filter(Function<HttpServletRequest, String> apiVersion) {
        return new RequestLogFilter(writer, platforms, apiVersion, clock);
    }

    /** @param idOfCursor the request id a client's cursor names, in the face's format */
    public KeysetSearch.Page<RequestRecord> page(Tenant tenant, ListQuery query, Function<String, Object> idOfCursor) {
        writer.flush(); // a client reading its log sees its requests so far, on this node at least
        return reading.execute(status -> search.page(query, scope(tenant), idOfCursor));
    }

    public RequestRecord find(Tenant tenant, String id) {
        writer.flush();
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + SCOPE + " and r.id = :id")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("id", id)
                .query(RequestLog::map).optional().orElseThrow(RequestNotFoundException::new);
    }

    private static SqlFragment scope(Tenant tenant) {
        return new SqlFragment(SCOPE, Map.of("platformId", tenant.platformId(), "mode", tenant.mode().code()));
    }

    private static RequestRecord map(ResultSet row, int n) throws SQLException {
        return new RequestRecord(row.getString("id"), row.getString("method"), row.getString("path"),
                row.getString("api_version"), row.getInt("status_code"), row.getInt("latency_ms"),
                row.getString("ip_address"), row.getTimestamp("created_at").toInstant());
    }
}
