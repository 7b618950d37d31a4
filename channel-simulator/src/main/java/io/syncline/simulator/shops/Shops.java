package io.syncline.simulator.shops;

import io.syncline.simulator.ShopKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every shop of one simulator by name; names are unique over both platforms. */
public final class Shops {

    private final Map<String, Shop> byName = new ConcurrentHashMap<>();

    /** Adds the shop; false when its name is taken. */
    public boolean add(Shop shop) {
        return byName.putIfAbsent(shop.name(), shop) == null;
    }

    public Optional<Shop> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The shop of that name, only when it plays {@code kind}. */
    public Optional<Shop> find(String name, ShopKind kind) {
        return find(name).filter(shop -> shop.kind() == kind);
    }

    public Optional<Shop> remove(String name) {
        return Optional.ofNullable(byName.remove(name));
    }

    public List<Shop> all() {
        Collection<Shop> shops = byName.values();
        List<Shop> sorted = new ArrayList<>(shops);
        sorted.sort(Comparator.comparing(Shop::name));
        return sorted;
    }
}
