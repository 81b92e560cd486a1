package org.secheaders.platform.tool;

/** What a resource read returns: text ({@link ResourceText}) or bytes ({@link ResourceBlob}), with its mime type. */
public sealed interface ResourceContent permits ResourceText, ResourceBlob {

    String mimeType();
}
