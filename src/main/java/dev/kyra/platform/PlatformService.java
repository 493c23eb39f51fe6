package dev.kyra.platform;

import dev.kyra.database.DatabaseNotifications;
import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platforms (tenants) and their settings. A platform is created by an operator through the admin
 * API, or once, as the default platform, on Kyra's first start.
 */
@Service
public class PlatformService {

    static final int MAX_NAME_LENGTH = 200;

    private final PlatformRepository platforms;
    private final Clock clock;
    /** Asked on every request by the edge, so remembered; a change is forgotten on every node once committed. */
    private final RememberedLookups<UUID, PlatformSettings> remembered;

    PlatformService(PlatformRepository platforms, DatabaseNotifications notifications, Clock clock) {
        this.remembered = new RememberedLookups<>(notifications, "kyra_forget_platform_settings", UUID::fromString, false);
        this.clock = clock;
        this.platforms = platforms;
    }

    @Transactional
    public Platform create(String name) {
        return insert(name, false);
    }

    public List<Platform> list() {
        return platforms.findAll();
    }

    public Optional<Platform> find(UUID id) {
        return platforms.find(id);
    }

    /** The settings of a platform that is known to exist (it is the tenant of a valid credential). */
    public PlatformSettings settingsOf(UUID platformId) {
        return platforms.find(platformId).map(Platform::settings)
                .orElseThrow(() -> new PlatformNotFoundException(platformId));
    }

    /**
     * A platform's settings as remembered (a change reaches every node at once, see
     * {@link RememberedLookups}), for what every request asks: its rate limits, whether it is logged.
     * The defaults for no platform.
     */
    public PlatformSettings rememberedSettingsOf(UUID platformId) {
        return remembered.get(platformId, id -> platforms.find(id).map(Platform::settings)).orElse(PlatformSettings.DEFAULTS);
    }

    @Transactional
    public Platform changeSettings(UUID id, SettingsChange change) {
        Platform current = platforms.findForUpdate(id).orElseThrow(() -> new PlatformNotFoundException(id));
        PlatformSettings settings = change.applyTo(current.settings());
        Instant now = Timestamps.now(clock);
        platforms.updateSettings(id, settings, now);
        remembered.forgetAfterCommit(id);
        return new Platform(id, current.name(), current.isDefault(), settings, current.createdAt(), now);
    }

    /** The default platform, created on first call. Concurrent first starts agree on one row. */
    @Transactional
    Platform defaultPlatform() {
        return platforms.findDefault().orElseGet(() -> insert("Default platform", true));
    }

    private Platform insert(String name, boolean isDefault) {
        Instant now = Timestamps.now(clock);
        Platform platform = new Platform(UuidV7.next(), name, isDefault, PlatformSettings.DEFAULTS, now, now);
        platforms.insert(platform);
        return platform;
    }
}
