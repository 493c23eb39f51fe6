/**
 * The Allawee face: API keys with test/live modes, {@code /customers} with the list query language,
 * in Allawee's envelope and error shape. It parses, authorises, maps and renders; every rule lives in
 * the core.
 */
@ApplicationModule(displayName = "Allawee face")
package dev.kyra.face.allawee;

import org.springframework.modulith.ApplicationModule;
