package dev.kyra.query;

/**
 * A query that cannot be run: an unknown attribute, a value of the wrong type, a cursor that names
 * no record. {@code parameter} is the query parameter at fault ({@code filter}, {@code sort},
 * {@code after} ...), so a face can say which.
 */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String reason) {
        super(reason, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
