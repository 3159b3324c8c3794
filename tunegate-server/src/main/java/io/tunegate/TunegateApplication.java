package io.tunegate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TunegateApplication {

    public static void main(String[] args) {
        SpringApplication.run(TunegateApplication.class, args);
    }
}
