package io.marketgate.simulator;

import io.marketgate.simulator.agreement.AgreementApi;
import io.marketgate.simulator.buyer.BuyerPages;
import io.marketgate.simulator.control.ControlApi;
import io.marketgate.simulator.entitlement.EntitlementApi;
import io.marketgate.simulator.entitlement.EntitlementControlApi;
import io.marketgate.simulator.entitlement.EntitlementFaultHook;
import io.marketgate.simulator.entitlement.EntitlementPaging;
import io.marketgate.simulator.faults.FaultControl;
import io.marketgate.simulator.faults.Faults;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimHttpServer;
import io.marketgate.simulator.metering.MeteringApi;
import io.marketgate.simulator.metering.MeteringLedger;
import io.marketgate.simulator.sigv4.SigV4;
import io.marketgate.simulator.sqs.NotificationSettings;
import io.marketgate.simulator.sqs.Notifications;
import io.marketgate.simulator.state.SimIds;
import io.marketgate.simulator.state.SimState;
import io.marketgate.simulator.sts.RoleControl;
import io.marketgate.simulator.sts.StsApi;
import io.marketgate.simulator.sts.StsRoles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * A local AWS Marketplace: Metering, Entitlement and STS at the wire, buyer pages, lifecycle
 * notifications into SQS and a control API. Embed it with {@link #builder()} or run {@link SimulatorMain}.
 */
public final class Simulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final SimClock clock;
    private final SimState state;
    private final StsRoles stsRoles;
    private final SigV4 sigV4;
    private final Faults faults;
    private final MeteringApi metering;
    private final EntitlementPaging entitlementPaging;
    private final Notifications notifications;
    private SimHttpServer http;

    private Simulator(SimulatorConfig config) {
        this.config = config;
        this.clock = new SimClock(config.clock());
        this.state = new SimState(clock, new SimIds(config.seed()), config.tokenTtl(), config.cancelGrace());
        // STS keys come from their own seeded ids, so assuming roles does not shift the ids of agreements.
        this.stsRoles = new StsRoles(clock, new SimIds(~config.seed()), !config.strictSignatures());
        this.sigV4 = new SigV4(config.defaultAccountId(), config.strictSignatures(), stsRoles::accountOfIssuedKey);
        this.faults = new Faults(config.seed());
        this.metering = new MeteringApi(state, sigV4, faults, config.meteringRequestsPerSecond(), config.clock());
        this.entitlementPaging = new EntitlementPaging(config.seed());
        this.notifications = new Notifications(state, config.sqsEnabled(), config.sqsPort(), config.seed());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP port (and ElasticMQ if enabled); returns this for chaining. */
    public synchronized Simulator start() {
        if (http != null) {
            return this;
        }
        Router router = new Router();
        registerFeatures(router);
        try {
            http = new SimHttpServer(new InetSocketAddress(config.bindAddress(), config.port()), router);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + config.bindAddress().getHostAddress() + ":" + config.port()
                            + " (is another simulator running?)",
                    e);
        }
        http.start();
        try {
            notifications.start(endpoint());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void registerFeatures(Router router) {
        // Each capability registers its routes here.
        new ControlApi(state).register(router);
        new BuyerPages(state).register(router);
        metering.register(router);
        new StsApi(stsRoles, sigV4).register(router);
        new RoleControl(stsRoles).register(router);
        new FaultControl(faults).register(router);
        new EntitlementApi(state, sigV4, entitlementPaging, EntitlementFaultHook.from(faults)).register(router);
        new EntitlementControlApi(entitlementPaging).register(router);
        notifications.register(router);
        new AgreementApi(state, sigV4, faults).register(router);
    }

    @Override
    public synchronized void close() {
        notifications.close();
        if (http != null) {
            http.close();
            http = null;
        }
    }

    /** Base URL of the HTTP port, e.g. {@code http://127.0.0.1:4599}; pass it as the AWS endpoint override. */
    public URI endpoint() {
        if (http == null) {
            throw new IllegalStateException("simulator not started");
        }
        String host = config.bindAddress().isAnyLocalAddress()
                ? "127.0.0.1"
                : config.bindAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + http.port());
    }

    /** The embedded SQS (ElasticMQ) endpoint; needs {@code sqs(true)} and a started simulator. */
    public URI sqsEndpoint() {
        return notifications.sqsEndpoint();
    }

    /** SNS/EventBridge delivery into SQS: settings, signing certificate; also {@code PUT /_sim/notifications}. */
    public Notifications notifications() {
        return notifications;
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimClock clock() {
        return clock;
    }

    public SimState state() {
        return state;
    }

    /** Who calls (account, region) and, in strict mode, signature scope checks; for every AWS API handler. */
    public SigV4 sigV4() {
        return sigV4;
    }

    /** Injected faults per operation; {@link Faults#wrapAwsJson} is the hook for awsJson handlers. */
    public Faults faults() {
        return faults;
    }

    /** Roles STS lets callers assume, and the credentials it issued. */
    public StsRoles stsRoles() {
        return stsRoles;
    }

    /** Every metering record accepted (billed). */
    public MeteringLedger ledger() {
        return metering.ledger();
    }

    public MeteringApi metering() {
        return metering;
    }

    /** How GetEntitlements pages (e.g. empty pages with a NextToken); also {@code PUT /_sim/entitlements}. */
    public EntitlementPaging entitlementPaging() {
        return entitlementPaging;
    }

    /** Builds a {@link Simulator}; defaults suit local use (loopback, port 4599, AWS's quotas and windows). */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = SimulatorConfig.DEFAULT_PORT;
        private boolean sqsEnabled;
        private int sqsPort = SimulatorConfig.DEFAULT_SQS_PORT;
        private Clock clock = Clock.systemUTC();
        private long seed = System.nanoTime();
        private Duration tokenTtl = Duration.ofHours(4);
        private Duration cancelGrace = Duration.ofHours(1);
        private int meteringRequestsPerSecond = 10;
        private boolean strictSignatures;
        private String defaultAccountId = SimulatorConfig.DEFAULT_ACCOUNT_ID;
        private NotificationSettings notificationSettings = NotificationSettings.defaults();

        public Builder bindAddress(InetAddress value) {
            this.bindAddress = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder sqs(boolean enabled) {
            this.sqsEnabled = enabled;
            return this;
        }

        public Builder sqsPort(int value) {
            this.sqsPort = value;
            return this;
        }

        /**
         * The base clock: the simulator clock shifts or freezes it, and the BatchMeterUsage quota's one-second
         * window runs on it directly, so a test that advances its own clock drives the quota without waiting.
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder tokenTtl(Duration value) {
            this.tokenTtl = value;
            return this;
        }

        public Builder cancelGrace(Duration value) {
            this.cancelGrace = value;
            return this;
        }

        public Builder meteringRequestsPerSecond(int value) {
            this.meteringRequestsPerSecond = value;
            return this;
        }

        public Builder strictSignatures(boolean value) {
            this.strictSignatures = value;
            return this;
        }

        /** The account of access keys that are neither issued by the simulator's STS nor 12 digits. */
        public Builder defaultAccountId(String value) {
            if (value == null || !value.matches("\\d{12}")) {
                throw new IllegalArgumentException("defaultAccountId must be 12 digits; got " + value);
            }
            this.defaultAccountId = value;
            return this;
        }

        /** How notifications are delivered (duplicates, reordering, delay, channels, signature version). */
        public Builder notifications(NotificationSettings value) {
            this.notificationSettings = value;
            return this;
        }

        public Simulator build() {
            Simulator simulator = new Simulator(new SimulatorConfig(
                    bindAddress,
                    port,
                    sqsEnabled,
                    sqsPort,
                    clock,
                    seed,
                    tokenTtl,
                    cancelGrace,
                    meteringRequestsPerSecond,
                    strictSignatures,
                    defaultAccountId));
            simulator.notifications.configure(notificationSettings);
            return simulator;
        }
    }
}
