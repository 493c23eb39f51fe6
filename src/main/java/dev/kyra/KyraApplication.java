package dev.kyra;

import dev.kyra.database.EmbeddedPostgresHeadStart;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KyraApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** Kyra as {@link #main} launches it: with the embedded PostgreSQL started while Spring reads its configuration. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(KyraApplication.class);
        application.addListeners(new EmbeddedPostgresHeadStart());
        return application;
    }

    /** The one source of the time, in UTC: injected, so that every rule and stamp reads the same clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
