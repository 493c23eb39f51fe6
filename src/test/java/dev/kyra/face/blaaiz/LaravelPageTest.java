package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** The page window of Laravel's UrlWindow (onEachSide = 3), page numbers with null for "...". */
class LaravelPageTest {

    @Test
    void fewPagesAreAllShown() {
        assertThat(window(1, 13)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void nearTheStartTheFirstTenAndTheLastTwoAreShown() {
        assertThat(window(3, 20)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, 19, 20);
    }

    @Test
    void inTheMiddleThreeEitherSideAreShown() {
        assertThat(window(10, 20)).containsExactly(1, 2, null, 7, 8, 9, 10, 11, 12, 13, null, 19, 20);
    }

    @Test
    void nearTheEndTheFirstTwoAndTheLastTenAreShown() {
        assertThat(window(18, 20)).containsExactly(1, 2, null, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
    }

    @Test
    void lastPageIsAtLeastOne() {
        assertThat(page(1, 0).lastPage()).isEqualTo(1);
        assertThat(page(1, 15).lastPage()).isEqualTo(1);
        assertThat(page(1, 16).lastPage()).isEqualTo(2);
    }

    private static List<Integer> window(int current, int pages) {
        return page(current, pages * 15L).window();
    }

    private static LaravelPage page(int current, long total) {
        return new LaravelPage(current, 15, total, "http://x/api", UriComponentsBuilder.fromUriString("http://x/api?paginate=true"));
    }

}
