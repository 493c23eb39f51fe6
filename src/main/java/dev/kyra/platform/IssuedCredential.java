package dev.kyra.platform;

import java.util.List;

/**
 * A credential just created: the only moment its secret exists outside the caller's hands.
 *
 * @param id the public identifier (an OAuth client id, or an API key's id)
 * @param secret the client secret or API key itself, shown once
 */
public record IssuedCredential(String id, String secret, Mode mode, List<String> scopes) {
}
