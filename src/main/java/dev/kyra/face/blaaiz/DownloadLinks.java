package dev.kyra.face.blaaiz;

import dev.kyra.customer.FileRef;

/** Fresh two-minute download links for the files of one response. */
@FunctionalInterface
interface DownloadLinks {

    /** @return the link, or null for no file */
    String to(FileRef file);
}
