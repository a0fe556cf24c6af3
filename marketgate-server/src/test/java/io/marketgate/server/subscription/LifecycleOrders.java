package io.marketgate.server.subscription;

import java.util.ArrayList;
import java.util.List;

/** Delivery orders for the any-order tests. */
public final class LifecycleOrders {

    private LifecycleOrders() {}

    /** Every order of {@code items}. */
    public static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }

    /** Every distinct order of {@code items} with each item delivered twice (8 items: 2,520 orders). */
    static <T> List<List<T>> withEachDuplicated(List<T> items) {
        List<List<T>> result = new ArrayList<>();
        interleave(items, new int[items.size()], new ArrayList<>(), result);
        return result;
    }

    private static <T> void interleave(List<T> items, int[] used, List<T> prefix, List<List<T>> result) {
        if (prefix.size() == items.size() * 2) {
            result.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (used[i] < 2) {
                used[i]++;
                prefix.add(items.get(i));
                interleave(items, used, prefix, result);
                prefix.remove(prefix.size() - 1);
                used[i]--;
            }
        }
    }
}
