package io.tunegate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TunegateApplication {

    public static void main(String[] args) {
        SpringApplication.run(TunegateApplication.class, args);
    }
}
