package org.secheaders.platform.tool;

import java.util.Objects;

/** The text of a resource read and its mime type, which may differ between the resources of one template. */
public record ResourceText(String text, String mimeType) implements ResourceContent {

    public ResourceText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mimeType, "mimeType");
    }
}
