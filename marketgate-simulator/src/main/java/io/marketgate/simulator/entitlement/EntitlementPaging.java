package io.marketgate.simulator.entitlement;

import io.marketgate.simulator.entitlement.PageTokens.Position;
import java.util.List;

/**
 * Splits matching entitlements into pages of MaxResults and, when asked to, inserts empty pages that
 * still carry a NextToken. AWS documents that such pages happen ("If the result contains an empty set of
 * entitlements, NextToken might still be present and should be used"); clients that stop at the first
 * empty page lose entitlements, so the simulator can produce them on demand.
 */
public final class EntitlementPaging {

    /** One page: its entitlements and the token of the next page, or null on the last page. */
    public record Page(List<EntitlementRow> entitlements, String nextToken) {}

    private final PageTokens tokens;
    private volatile int emptyPageEvery;

    /** @param seed keys the NextToken MAC, so tokens stay valid across restarts with the same seed */
    public EntitlementPaging(long seed) {
        this.tokens = new PageTokens(seed);
    }

    /**
     * Makes every {@code n}-th page (page n, 2n, ...) of a multi-page result empty but with a NextToken;
     * 0 turns this off. Reproducible: the same data, filters and page size give the same pages.
     */
    public void emptyPageEvery(int n) {
        if (n != 0 && n < 2) {
            throw new IllegalArgumentException("emptyPageEvery must be 0 (off) or at least 2; got " + n);
        }
        this.emptyPageEvery = n;
    }

    public int emptyPageEvery() {
        return emptyPageEvery;
    }

    /**
     * The page the request asks for, out of all rows matching it (in a stable order). A NextToken issued
     * before those rows changed is refused rather than counted into the new rows.
     */
    public Page page(GetEntitlementsRequest request, List<EntitlementRow> matching) {
        long version = PageTokens.version(matching);
        Position position = tokens.read(request, version);
        int every = emptyPageEvery;
        if (every >= 2 && position.page() % every == 0) {
            return new Page(
                    List.of(), tokens.issue(request, new Position(position.offset(), position.page() + 1), version));
        }
        int from = Math.min(position.offset(), matching.size());
        int to = Math.min(from + request.maxResults(), matching.size());
        String next =
                to < matching.size() ? tokens.issue(request, new Position(to, position.page() + 1), version) : null;
        return new Page(List.copyOf(matching.subList(from, to)), next);
    }
}
