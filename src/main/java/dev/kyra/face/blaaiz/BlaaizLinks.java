package dev.kyra.face.blaaiz;

import dev.kyra.files.FileService;
import dev.kyra.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** The absolute URLs this face hands out, built from where the client called (or KYRA_PUBLIC_URL). */
@Component
class BlaaizLinks {

    private final FileService files;
    private final PublicUrls urls;

    BlaaizLinks(FileService files, PublicUrls urls) {
        this.files = files;
        this.urls = urls;
    }

    String base(HttpServletRequest request) {
        return urls.base(request);
    }

    DownloadLinks downloads(HttpServletRequest request) {
        String base = urls.base(request);
        return file -> file == null ? null : files.downloadUrl(file.fileId(), file.storageKey(), base);
    }
}
