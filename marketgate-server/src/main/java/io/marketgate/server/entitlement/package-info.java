/**
 * GetEntitlements sync, the entitlement snapshot per customer and the fast access check.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entitlement")
package io.marketgate.server.entitlement;
