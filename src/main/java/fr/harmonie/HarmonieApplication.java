package fr.harmonie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HarmonieApplication {
    public static void main(String[] args) {
        SpringApplication.run(HarmonieApplication.class, args);
    }
}
