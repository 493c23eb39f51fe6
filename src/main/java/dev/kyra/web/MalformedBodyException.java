package dev.kyra.web;

/** The request body cannot be read as the JSON object the endpoint takes. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}
