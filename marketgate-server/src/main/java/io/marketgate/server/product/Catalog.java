package io.marketgate.server.product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sellers and products this Marketgate serves, validated at startup and fixed while it runs. */
public final class Catalog {

    private final Map<String, Seller> sellers;
    private final Map<String, Product> products;
    private final boolean demo;

    public Catalog(Collection<Seller> sellers, Collection<Product> products) {
        this(sellers, products, false);
    }

    private Catalog(Collection<Seller> sellers, Collection<Product> products, boolean demo) {
        this.sellers = index(sellers, Seller::id);
        this.products = index(products, Product::id);
        this.demo = demo;
    }

    /**
     * The catalogue used when no product is configured: one pay-as-you-go product in {@code license} mode
     * (what new listings use), published by a made-up seller account that only the simulator knows.
     */
    public static Catalog demo() {
        Seller seller = new Seller("demo", "111122223333", null, null, "us-east-1");
        Product product = new Product(
                "demo",
                "demo-product",
                seller,
                IdentityMode.LICENSE,
                PricingModel.SUBSCRIPTION,
                "us-east-1",
                List.of(
                        new Dimension("requests", "API requests", DimensionType.METERED),
                        new Dimension("storage_gb", "GB stored per hour", DimensionType.METERED)),
                Onboarding.AUTOMATIC,
                null);
        return new Catalog(List.of(seller), List.of(product), true);
    }

    /** Whether this is the demo catalogue (no product configured), served by the embedded simulator. */
    public boolean isDemo() {
        return demo;
    }

    public List<Seller> sellers() {
        return List.copyOf(sellers.values());
    }

    public List<Product> products() {
        return List.copyOf(products.values());
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    /** The only product, when exactly one is configured (the short fulfillment URL serves it). */
    public Optional<Product> onlyProduct() {
        return products.size() == 1 ? Optional.of(products.values().iterator().next()) : Optional.empty();
    }

    private static <T> Map<String, T> index(Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }
}
