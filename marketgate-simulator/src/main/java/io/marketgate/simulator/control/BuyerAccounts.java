package io.marketgate.simulator.control;

import io.marketgate.simulator.state.Buyer;
import io.marketgate.simulator.state.SimState;

/** Opening buyer accounts, shared by the control API and the buyer pages. */
public final class BuyerAccounts {

    private BuyerAccounts() {}

    /**
     * The buyer with this account id (a fresh id when null), created if new and renamed when a name is
     * given. Suspension and the legacy customer identifier are kept.
     */
    public static Buyer open(SimState state, String accountId, String name) {
        String id = accountId != null ? accountId : unusedAccountId(state);
        Buyer buyer = state.buyer(id);
        if (name == null || name.isBlank() || name.equals(buyer.name())) {
            return buyer;
        }
        return state.putBuyer(new Buyer(id, buyer.customerIdentifier(), name.strip(), buyer.suspended()));
    }

    private static String unusedAccountId(SimState state) {
        String id = state.ids().accountId();
        while (state.findBuyer(id).isPresent()) {
            id = state.ids().accountId();
        }
        return id;
    }
}
