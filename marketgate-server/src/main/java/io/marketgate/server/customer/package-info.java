/**
 * Customers: AWS identity (account id, LicenseArn, legacy customer id) linked to the seller's tenant id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.marketgate.server.customer;
