/**
 * The fulfillment URL: the buyer's POST with the registration token, ResolveCustomer, the pending registration and the registration form.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fulfillment")
package io.marketgate.server.fulfillment;
