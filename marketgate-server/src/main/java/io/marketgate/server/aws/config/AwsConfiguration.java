package io.marketgate.server.aws.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.aws.simulator.EmbeddedSimulator;
import io.marketgate.server.product.Catalog;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** Wires the AWS clients, pointing them at the embedded simulator when it runs. */
@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

    /** Holder, because whether the simulator runs is decided from the catalogue, not a single property. */
    record SimulatorHolder(Optional<EmbeddedSimulator> simulator) implements AutoCloseable {
        @Override
        public void close() {
            simulator.ifPresent(EmbeddedSimulator::close);
        }
    }

    @Bean
    SimulatorHolder embeddedSimulator(SimulatorProperties properties, Catalog catalog) {
        return new SimulatorHolder(EmbeddedSimulator.startIfWanted(properties, catalog));
    }

    @Bean
    AwsClients awsClients(AwsProperties properties, SimulatorHolder holder) {
        AwsEndpoints endpoints = holder.simulator()
                .map(sim -> AwsEndpoints.simulator(sim.endpoint(), sim.sqsEndpoint()))
                .orElseGet(() -> new AwsEndpoints(
                        Optional.ofNullable(properties.endpointOverride()),
                        Optional.ofNullable(properties.sqsEndpointOverride()),
                        properties.simulatorCredentials()));
        return new AwsClients(
                endpoints, ApacheHttpClient.builder().maxConnections(64).build(), properties.apiCallTimeout());
    }

    @Bean
    NotificationQueues notificationQueues(AwsClients clients) {
        return new NotificationQueues(clients);
    }

    /**
     * Once Marketgate's port is known, the simulator lists the products with fulfillment URLs on it, and
     * products without a configured queue get one in the simulator's SQS.
     */
    @Bean
    ApplicationListener<WebServerInitializedEvent> simulatorProductListing(
            SimulatorHolder holder, Catalog catalog, NotificationQueues queues) {
        return event -> holder.simulator().ifPresent(sim -> {
            sim.listProducts(
                    URI.create("http://localhost:" + event.getWebServer().getPort()));
            catalog.products()
                    .forEach(product ->
                            queues.useSimulatorQueue(product, EmbeddedSimulator.notificationQueueName(product)));
        });
    }

    @Bean
    StartupIdentityCheck startupIdentityCheck(AwsProperties properties, AwsClients clients, Catalog catalog) {
        return new StartupIdentityCheck(properties.verifyIdentityAtStartup(), clients, catalog);
    }
}
