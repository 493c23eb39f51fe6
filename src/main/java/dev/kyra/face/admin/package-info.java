/** Kyra's own operator API under {@code /admin}, guarded by the admin token. */
@ApplicationModule(displayName = "Admin face")
package dev.kyra.face.admin;

import org.springframework.modulith.ApplicationModule;
