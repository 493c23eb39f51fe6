package dev.kyra;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KyraApplication {

    public static void main(String[] args) {
        SpringApplication.run(KyraApplication.class, args);
    }

    /** The one source of the time, in UTC: injected, so that every rule and stamp reads the same clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
