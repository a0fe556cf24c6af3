package io.marketgate.server.metering.config;

import io.marketgate.server.aws.MeteringSender;
import io.marketgate.server.metering.CallBudget;
import io.marketgate.server.metering.MeteringMetrics;
import io.marketgate.server.metering.MeteringOutcomes;
import io.marketgate.server.metering.MeteringPauses;
import io.marketgate.server.metering.MeteringSettings;
import io.marketgate.server.metering.MeteringSubmitter;
import io.marketgate.server.metering.MeteringWorker;
import io.marketgate.server.metering.RecordFreezer;
import io.marketgate.server.metering.jdbc.JdbcRateBudget;
import io.marketgate.server.metering.jdbc.JdbcSubmissions;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.product.MeteringLock;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the background stages; sending needs a {@link MeteringSender} bean (the AWS adapter). */
@Configuration(proxyBeanMethods = false)
class MeteringConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MeteringConfiguration.class);

    @Bean
    MeteringSettings meteringSettings(MeteringProperties properties) {
        return properties.settings();
    }

    @Bean
    CallBudget meteringCallBudget(JdbcRateBudget budget, MeteringSettings properties) {
        return new CallBudget(budget, properties.callsPerSecond());
    }

    @Bean
    MeteringWorker meteringWorker(
            RecordFreezer freezer,
            ObjectProvider<MeteringSender> sender,
            Catalog catalog,
            JdbcSubmissions submissions,
            MeteringOutcomes outcomes,
            CallBudget budget,
            MeteringLock lock,
            MeteringSettings properties,
            Clock clock,
            MeteringMetrics metrics) {
        MeteringSender available = sender.getIfAvailable();
        if (available == null) {
            LOG.warn("No BatchMeterUsage adapter is configured: usage is stored and frozen but not sent");
        } else if (!properties.submit()) {
            LOG.warn("marketgate.metering.submit=false: this instance stores and freezes usage but sends nothing;"
                    + " records are sent only by instances with submit=true on the same database");
        }
        Optional<MeteringSubmitter> submitter = available == null || !properties.submit()
                ? Optional.empty()
                : Optional.of(new MeteringSubmitter(
                        catalog, available, submissions, outcomes, budget, lock, properties, clock, metrics));
        return new MeteringWorker(freezer, submitter, submissions, metrics, clock, properties.pollInterval());
    }

    @Bean
    MeteringPauses meteringPauses(
            JdbcSubmissions submissions, ObjectProvider<MeteringSender> sender, MeteringSettings properties) {
        return new MeteringPauses(submissions, sender.getIfAvailable() != null && properties.submit());
    }

    /** Starts the worker once the application is up and stops it first on shutdown. */
    @Bean
    SmartLifecycle meteringWorkerLifecycle(MeteringWorker worker) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                worker.start();
                running = true;
            }

            @Override
            public void stop() {
                worker.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
