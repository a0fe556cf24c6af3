/**
 * Configured sellers and products: product code, identity mode, pricing model, dimensions, and the AWS account, role, ExternalId and regions that serve them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Product")
package io.marketgate.server.product;
