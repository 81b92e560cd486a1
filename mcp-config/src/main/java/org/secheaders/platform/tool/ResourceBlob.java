package org.secheaders.platform.tool;

import java.util.Objects;

/** A binary resource read (e.g. a PDF), served base64-encoded as MCP blob contents. */
public record ResourceBlob(byte[] bytes, String mimeType) implements ResourceContent {

    public ResourceBlob {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        Objects.requireNonNull(mimeType, "mimeType");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
