package dev.kyra.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached: the pool gave up on a connection, or
 * one broke. Such a request is answered 503 with {@code Retry-After}, wherever it failed — in a
 * controller, or in an authentication filter that looked up a credential.
 */
final class DatabaseUnavailable {

    static final String MESSAGE = "Kyra cannot reach its database just now. Try again shortly.";
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
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
