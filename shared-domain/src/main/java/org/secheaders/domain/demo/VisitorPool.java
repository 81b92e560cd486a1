package org.secheaders.domain.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** The visitors of one demo site; a few come back often, most rarely, as on real sites. */
final class VisitorPool {
    private static final double EXTENSION_RATE = 0.3;
    private static final double IPV4_RATE = 0.35;
    private static final List<String> IPV4_TEST_NETS = List.of("192.0.2.", "198.51.100.", "203.0.113.");
    private static final WeightedChoice<Browser> BROWSERS = WeightedChoice.of(Arrays.asList(Browser.values()), Browser::share);
    private static final Map<BrowserFamily, WeightedChoice<Extension>> EXTENSIONS = Arrays.stream(BrowserFamily.values())
            .collect(Collectors.toMap(family -> family,
                    family -> WeightedChoice.of(ExtensionCatalogue.of(family), Extension::share),
                    (a, b) -> a, () -> new EnumMap<>(BrowserFamily.class)));

    private final List<Visitor> visitors;
    private final List<Visitor> withExtension;

    private VisitorPool(List<Visitor> visitors) {
        this.visitors = List.copyOf(visitors);
        this.withExtension = visitors.stream().filter(visitor -> visitor.extension().isPresent()).toList();
    }

    static VisitorPool create(int size, SplittableRandom random) {
        List<Visitor> visitors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Browser browser = BROWSERS.pick(random);
            Optional<Extension> extension = random.nextDouble() < EXTENSION_RATE
                    ? Optional.of(EXTENSIONS.get(browser.family()).pick(random))
                    : Optional.empty();
            visitors.add(new Visitor(address(random), browser, extension));
        }
        return new VisitorPool(visitors);
    }

    /** A visitor drawn with a skew towards the regulars at the front of the pool. */
    Visitor regular(SplittableRandom random) {
        return skewed(visitors, random);
    }

    /** Any visitor with equal probability, e.g. everyone who happened to open the checkout. */
    Visitor anyone(SplittableRandom random) {
        return visitors.get(random.nextInt(visitors.size()));
    }

    /** A visitor with an extension installed, skewed like {@link #regular}. */
    Visitor withExtension(SplittableRandom random) {
        return skewed(withExtension, random);
    }

    private static Visitor skewed(List<Visitor> from, SplittableRandom random) {
        double u = random.nextDouble();
        return from.get((int) (from.size() * u * u));
    }

    /** One group of an IPv6 address in canonical form (no leading zeros). */
    private static String hexGroup(SplittableRandom random) {
        return Integer.toHexString(random.nextInt(0x10000));
    }

    private static String address(SplittableRandom random) {
        if (random.nextDouble() < IPV4_RATE) {
            return IPV4_TEST_NETS.get(random.nextInt(IPV4_TEST_NETS.size())) + (1 + random.nextInt(254));
        }
        return "2001:db8:" + hexGroup(random) + ":" + hexGroup(random) + "::" + Integer.toHexString(1 + random.nextInt(0xfff));
    }
}
