package dev.kyra.web;

import java.io.IOException;

/** A request body grew past its limit while being read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
