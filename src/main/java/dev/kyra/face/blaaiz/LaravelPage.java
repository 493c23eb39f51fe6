package dev.kyra.face.blaaiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code links} and {@code meta} of a Laravel resource collection (decision B8), with absolute
 * URLs built from the request. Page links keep the request's other query parameters, so following
 * {@code next} keeps the filters. {@code meta.links} follows Laravel's window: every page when there
 * are few, otherwise the first two, three either side of the current page, and the last two, with
 * "..." between.
 */
record LaravelPage(int currentPage, int perPage, long total, String path, UriComponentsBuilder requestUri) {

    private static final int ON_EACH_SIDE = 3;

    int lastPage() {
        return (int) Math.max(1, (total + perPage - 1) / perPage);
    }

    int offset() {
        return (currentPage - 1) * perPage;
    }

    Map<String, Object> links() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("first", url(1));
        links.put("last", url(lastPage()));
        links.put("prev", currentPage > 1 ? url(currentPage - 1) : null);
        links.put("next", currentPage < lastPage() ? url(currentPage + 1) : null);
        return links;
    }

    Map<String, Object> meta(int itemsOnPage) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", currentPage);
        meta.put("from", itemsOnPage == 0 ? null : offset() + 1);
        meta.put("last_page", lastPage());
        meta.put("links", windowLinks());
        meta.put("path", path);
        meta.put("per_page", perPage);
        meta.put("to", itemsOnPage == 0 ? null : offset() + itemsOnPage);
        meta.put("total", total);
        return meta;
    }

    private List<Map<String, Object>> windowLinks() {
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link(currentPage > 1 ? url(currentPage - 1) : null, "&laquo; Previous", false));
        for (Integer page : window()) {
            if (page == null) {
                links.add(link(null, "...", false));
            } else {
                links.add(link(url(page), String.valueOf(page), page == currentPage));
            }
        }
        links.add(link(currentPage < lastPage() ? url(currentPage + 1) : null, "Next &raquo;", false));
        return links;
    }

    /** Page numbers to show, null standing for "...": Laravel's UrlWindow. */
    List<Integer> window() {
        int last = lastPage();
        int window = ON_EACH_SIDE + 4;
        if (last < ON_EACH_SIDE * 2 + 8) {
            return range(1, last);
        }
        List<Integer> pages = new ArrayList<>();
        if (currentPage <= window) {
            pages.addAll(range(1, window + ON_EACH_SIDE));
            pages.add(null);
            pages.addAll(range(last - 1, last));
        } else if (currentPage > last - window) {
            pages.addAll(range(1, 2));
            pages.add(null);
            pages.addAll(range(last - (window + ON_EACH_SIDE - 1), last));
        } else {
            pages.addAll(range(1, 2));
            pages.add(null);
            pages.addAll(range(currentPage - ON_EACH_SIDE, currentPage + ON_EACH_SIDE));
            pages.add(null);
            pages.addAll(range(last - 1, last));
        }
        return pages;
    }

    private String url(int page) {
        return requestUri.cloneBuilder().replaceQueryParam("page", page).build().toUriString();
    }

    private static Map<String, Object> link(String url, String label, boolean active) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("url", url);
        link.put("label", label);
        link.put("active", active);
        return link;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> pages = new ArrayList<>();
        for (int page = from; page <= to; page++) {
            pages.add(page);
        }
        return pages;
    }
}
