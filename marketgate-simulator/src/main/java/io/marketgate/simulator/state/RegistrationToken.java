package io.marketgate.simulator.state;

import java.time.Instant;

/** A registration token minted when a buyer subscribes; ResolveCustomer turns it back into the agreement. */
public record RegistrationToken(String token, String agreementId, Instant issuedAt, Instant expiresAt) {}
