package io.marketgate.server.aws.config;

import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.AwsEndpoints;
import io.marketgate.server.aws.NotificationQueues;
import io.marketgate.server.aws.health.SimulatorHealthIndicator;
import io.marketgate.server.aws.simulator.EmbeddedSimulator;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.shared.InvalidConfigurationException;
import io.marketgate.server.shared.SimulatedTime;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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

    /**
     * Checked before any bean exists (so before the database is even contacted): a deployment with its
     * own database is production and must never bill into the simulator.
     */
    @Bean
    static BeanFactoryPostProcessor simulatorNeverBesideAProductionDatabase(Environment environment) {
        return beanFactory -> refuseBesideAProductionDatabase(
                environment.getProperty("marketgate.simulator.embedded"),
                environment.getProperty("spring.datasource.url"));
    }

    static void refuseBesideAProductionDatabase(String embedded, String datasourceUrl) {
        if ("true".equalsIgnoreCase(embedded) && datasourceUrl != null && !datasourceUrl.isBlank()) {
            throw new InvalidConfigurationException(
                    "marketgate.simulator.embedded",
                    "is true while spring.datasource.url points at a PostgreSQL database of a real deployment:"
                            + " usage would be billed into the simulator, not AWS",
                    "remove marketgate.simulator.embedded; the embedded simulator runs only on the embedded SQLite"
                            + " database (point marketgate.aws.endpoint-override at a standalone simulator to test"
                            + " against PostgreSQL)");
        }
    }

    /** Readiness names the simulator whenever AWS calls go to one (embedded or an endpoint override). */
    @Bean
    SmartInitializingSingleton simulatorInReadiness(
            AwsClients clients, SimulatorHolder holder, ObjectProvider<HealthContributorRegistry> registry) {
        return () -> {
            AwsEndpoints endpoints = clients.endpoints();
            if (endpoints.simulatorCredentials() && endpoints.marketplace().isPresent()) {
                registry.ifAvailable(r -> r.registerContributor(
                        SimulatorHealthIndicator.NAME,
                        new SimulatorHealthIndicator(
                                endpoints.marketplace().get(),
                                holder.simulator().isPresent())));
            }
        };
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
