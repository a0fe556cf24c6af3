/**
 * Marketgate's client for the seller's application; start with {@link io.marketgate.client.MarketgateClient}.
 */
package io.marketgate.client;
