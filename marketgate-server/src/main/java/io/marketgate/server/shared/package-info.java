/**
 * What every capability uses: the clock, the error model (RFC 9457 problem details), startup failure
 * reporting and small helpers. Depends on no other capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package io.marketgate.server.shared;
