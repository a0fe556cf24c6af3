package io.marketgate.simulator.metering;

import io.marketgate.simulator.http.SimResponse;
import java.util.List;

/** A Metering API answer plus what the request log keeps about it. */
record MeteringReply(SimResponse response, List<String> recordStatuses, int unprocessedRecords) {

    static MeteringReply of(SimResponse response) {
        return new MeteringReply(response, List.of(), 0);
    }
}
