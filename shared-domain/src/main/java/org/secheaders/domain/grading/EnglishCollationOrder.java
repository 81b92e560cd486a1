package org.secheaders.domain.grading;

import java.util.Comparator;
import java.util.function.IntUnaryOperator;

/**
 * The order of {@code new Intl.Collator("en").compare}, which the Observatory's CSP parser sorts
 * sources with before it drops a source whose sorted predecessor is a prefix of it. Which source
 * ends up next to which decides what survives, so code-point order is not good enough: the ICU
 * root collation puts punctuation before digits, and {@code ':'} before {@code '.'}.
 *
 * <p>Exact for ASCII (the alphabet of CSP sources): letters compare case-insensitively first and
 * lower case wins a tie; control characters other than whitespace are ignorable. Other characters sort after
 * ASCII by code point, an approximation of ICU that only matters for non-ASCII sources.
 */
final class EnglishCollationOrder implements Comparator<String> {
    static final EnglishCollationOrder INSTANCE = new EnglishCollationOrder();

    /** ASCII with a primary weight, in ICU root order, letters folded to lower case. */
    private static final String ASCII_ORDER =
            "\t\n\u000B\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int IGNORABLE = -1;
    private static final int[] PRIMARY = new int[128];

    static {
        for (int c = 0; c < 128; c++) {
            PRIMARY[c] = IGNORABLE;
        }
        for (int rank = 0; rank < ASCII_ORDER.length(); rank++) {
            PRIMARY[ASCII_ORDER.charAt(rank)] = rank;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            PRIMARY[c] = PRIMARY[Character.toLowerCase(c)];
        }
    }

    private EnglishCollationOrder() {
    }

    @Override
    public int compare(String a, String b) {
        String left = withoutIgnorables(a);
        String right = withoutIgnorables(b);
        int primary = compareBy(left, right, EnglishCollationOrder::primaryWeight);
        return primary != 0 ? primary : compareBy(left, right, EnglishCollationOrder::caseWeight);
    }

    private static int compareBy(String a, String b, IntUnaryOperator weight) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            int diff = Integer.compare(weight.applyAsInt(a.charAt(i)), weight.applyAsInt(b.charAt(i)));
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int primaryWeight(int c) {
        return c < 128 ? PRIMARY[c] : ASCII_ORDER.length() + c;
    }

    /** Tertiary level: lower case before upper case. */
    private static int caseWeight(int c) {
        return c >= 'A' && c <= 'Z' ? 1 : 0;
    }

    private static String withoutIgnorables(String s) {
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || PRIMARY[c] != IGNORABLE) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
