package dev.kyra.platform;

/** No credential of that id belongs to the platform. */
public class CredentialNotFoundException extends RuntimeException {

    CredentialNotFoundException(String message) {
        super(message, null, false, false);
    }

    static CredentialNotFoundException oauthClient() {
        return new CredentialNotFoundException("OAuth client not found.");
    }

    static CredentialNotFoundException apiKey() {
        return new CredentialNotFoundException("API key not found.");
    }
}
