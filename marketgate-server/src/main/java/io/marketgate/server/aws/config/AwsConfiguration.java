package io.marketgate.server.aws.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.aws.simulator.EmbeddedSimulator;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.shared.SimulatedTime;
import java.net.URI;
import java.time.Clock;
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

    /** The application clock follows the embedded simulator's clock, so {@code POST /_sim/clock} moves both. */
    @Bean
    SimulatedTime simulatedTime(SimulatorHolder holder) {
        return () -> holder.simulator().map(sim -> (Clock) sim.simulator().clock());
    }

    @Bean
    AwsClients awsClients(AwsProperties properties, SimulatorHolder holder) {
        return new AwsClients(
                endpoints(properties, holder),
                ApacheHttpClient.builder().maxConnections(64).build(),
                properties.apiCallTimeout());
    }

    /** Where AWS calls go; combinations that would send real usage to a simulator, or fake keys to AWS, stop startup. */
    static AwsEndpoints endpoints(AwsProperties properties, SimulatorHolder holder) {
        if (holder.simulator().isPresent()) {
            if (properties.endpointOverride() != null || properties.sqsEndpointOverride() != null) {
                throw new InvalidConfigurationException(
                        "marketgate.aws.endpoint-override",
                        "is set while the embedded simulator runs (the demo, or marketgate.simulator.embedded=true)",
                        "use either the embedded simulator or an endpoint override, not both");
            }
            EmbeddedSimulator sim = holder.simulator().get();
            return AwsEndpoints.simulator(sim.endpoint(), sim.sqsEndpoint());
        }
        if (properties.simulatorCredentials() && properties.endpointOverride() == null) {
            throw new InvalidConfigurationException(
                    "marketgate.aws.simulator-credentials",
                    "is true without marketgate.aws.endpoint-override: fixed fake keys would be sent to AWS",
                    "remove it, or point marketgate.aws.endpoint-override at a simulator");
        }
        return new AwsEndpoints(
                Optional.ofNullable(properties.endpointOverride()),
                Optional.ofNullable(properties.sqsEndpointOverride()),
                properties.simulatorCredentials());
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
            if (event.getApplicationContext().getServerNamespace() != null) {
                return; // the management port, when it has its own: fulfillment URLs stay on the main port
            }
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
