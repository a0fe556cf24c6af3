package io.marketgate.simulator.metering;

import io.marketgate.simulator.state.Agreement;
import io.marketgate.simulator.state.Product;

/**
 * A usage record that passed every whole-call check, with what it bills.
 *
 * @param agreement the buyer's agreement for the product, or null (then it is CustomerNotSubscribed)
 * @param buyerAccountId the buyer's account, or null when unknown
 */
record ResolvedRecord(
        UsageRecordInput input, Product product, Agreement agreement, String buyerAccountId, DedupeKey key) {}
