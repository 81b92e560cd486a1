package org.secheaders.domain.demo;

import java.util.SplittableRandom;

/** Draws the generator needs beyond {@link SplittableRandom}'s uniform ones. */
final class Randoms {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Randoms() {
    }

    /** Poisson-distributed count with mean {@code lambda} (Knuth's method; fine for the small means used here). */
    static int poisson(SplittableRandom random, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        double limit = Math.exp(-lambda);
        int count = 0;
        double product = random.nextDouble();
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** {@code length} random letters and digits, e.g. for nonces and cache-busting query values. */
    static String base62(SplittableRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(out);
    }
}
