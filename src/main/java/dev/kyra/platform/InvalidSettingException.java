package dev.kyra.platform;

/** A setting Kyra was started with cannot be used; the message names it and says what it must be. */
public class InvalidSettingException extends IllegalStateException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
