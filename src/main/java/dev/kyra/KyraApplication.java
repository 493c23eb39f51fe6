package dev.kyra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KyraApplication {

    public static void main(String[] args) {
        SpringApplication.run(KyraApplication.class, args);
    }
}
