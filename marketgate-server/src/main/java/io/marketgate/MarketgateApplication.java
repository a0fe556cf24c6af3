package io.marketgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Marketgate: connects a SaaS product to AWS Marketplace. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketgateApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketgateApplication.class, args);
    }
}
