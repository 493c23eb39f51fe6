package dev.kyra.personal;

/** A wrapped key that the master key file cannot open: the wrong file, or a key missing from it. */
public class WrongMasterKeyException extends IllegalStateException {

    WrongMasterKeyException(String message) {
        super(message);
    }
}
