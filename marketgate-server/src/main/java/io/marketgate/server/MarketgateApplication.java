package io.marketgate.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Marketgate: connects a SaaS product to AWS Marketplace. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketgateApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(MarketgateApplication.class, args);
        } catch (RuntimeException e) {
            // Already reported (one line for configuration errors, logged otherwise): exit without a second trace.
            System.exit(1);
        }
    }
}
