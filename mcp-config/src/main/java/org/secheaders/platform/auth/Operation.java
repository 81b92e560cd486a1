package org.secheaders.platform.auth;

/** What a call does to the data of its category; a tool's read-only hint decides which. */
public enum Operation { READ, WRITE }
