package org.secheaders.platform.admin;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX shell quoting for command lines printed to be pasted. */
final class ShellQuote {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_/.:=@%+,-]+");

    private ShellQuote() {
    }

    static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
