package io.contactimport.gateway.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large the parts of a request may be ({@code gateway.limits.*}). */
@ConfigMapping(prefix = "gateway.limits")
public interface RequestLimits {

    /** The largest upload ({@code IMPORT_MAX_FILE_SIZE}): a multipart body to the import and suggestion endpoints. */
    @WithDefault("200M")
    MemorySize uploadSize();

    /** The largest form field beside the file, such as {@code column_map} ({@code IMPORT_MAX_FIELD_SIZE}). */
    @WithDefault("256K")
    MemorySize formFieldSize();

    /** The largest JSON body of every other call ({@code API_MAX_BODY_SIZE}). */
    @WithDefault("1M")
    MemorySize jsonBodySize();

    /** "200 MB", "256 KB", "1000 bytes": a limit as an error message names it. */
    static String readable(MemorySize size) {
        long bytes = size.asLongValue();
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
