package org.crosswalk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service: load and validate the graph, open the store, serve SPARQL and the REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrosswalkApplication {
    public static void main(String[] args) {
        SpringApplication.run(CrosswalkApplication.class, args);
    }
}
