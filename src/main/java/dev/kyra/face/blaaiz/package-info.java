/**
 * The Blaaiz face: OAuth2 client credentials at {@code /oauth/token} and the customer API under
 * {@code /api/external}. It parses, authorises, maps and renders; every rule lives in the core.
 */
@ApplicationModule(displayName = "Blaaiz face")
package dev.kyra.face.blaaiz;

import org.springframework.modulith.ApplicationModule;
