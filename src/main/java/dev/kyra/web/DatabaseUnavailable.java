package dev.kyra.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached: the pool gave up on a connection, or
 * one broke. Such a request is answered 503 with {@code Retry-After}, wherever it failed — in a
 * controller, or in an authentication filter that looked up a credential.
 */
final class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private static final String MESSAGE = "Kyra cannot reach its database just now. Try again shortly.";
    private static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    /** The 503 a request that failed this way gets, in its face's shape; the log names only what failed. */
    static ResponseEntity<Object> answer(ApiFace face, String request, Throwable failure) {
        log.warn("the database is unavailable for {}: {}", request, failure.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(face.errorBody(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", MESSAGE));
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && lostTheServer(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's states for a connection that is gone or refused, whatever Spring made of them: class
     * 08 (connection exceptions) and 57P01–57P03 (the server shutting down, crashed, or still starting).
     */
    private static boolean lostTheServer(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
