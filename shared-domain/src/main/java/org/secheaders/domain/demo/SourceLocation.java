package org.secheaders.domain.demo;

/** Where the code that caused a violation sits, as reported in source-file, line-number and column-number. */
sealed interface SourceLocation {
    int line();

    int column();

    /** The reported source file for a violation on {@code documentUrl}. */
    String file(String documentUrl);

    /** Inline code in the page itself: browsers report the document as the source file. */
    record InPage(int line, int column) implements SourceLocation {
        @Override
        public String file(String documentUrl) {
            return documentUrl;
        }
    }

    /** Code in a script file (first-party bundle, third-party tag, extension content script). */
    record InFile(String url, int line, int column) implements SourceLocation {
        @Override
        public String file(String documentUrl) {
            return url;
        }
    }
}
