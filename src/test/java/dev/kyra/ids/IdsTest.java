package dev.kyra.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void uuidV7sAreVersion7AndCarryTheCurrentTime() {
        UUID id = UuidV7.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Duration.between(UuidV7.timestampOf(id), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void uuidV7sIncreaseEvenWithinOneMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(UuidV7.next());
        }

        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        List<String> texts = ids.stream().map(UUID::toString).toList();
        assertThat(texts).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void objectIdsStartWithTheSecondsOfTheUuidAndKeepItsOrder() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(UuidV7.next());
        }

        byte[] objectId = ObjectIds.fromUuidV7(ids.get(0));
        assertThat(objectId).hasSize(12);
        assertThat((long) ByteBuffer.wrap(objectId).getInt()).isEqualTo(UuidV7.timestampOf(ids.get(0)).getEpochSecond());
        List<String> printed = ids.stream().map(id -> Base58.encodeFixed(ObjectIds.fromUuidV7(id), 17)).toList();
        assertThat(printed).allMatch(text -> text.matches("[1-9A-HJ-NP-Za-km-z]{17}"));
        assertThat(printed).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(new HashSet<>(printed)).hasSize(printed.size());
    }

    @Test
    void base58MatchesTheAllaweeSample() {
        // allawee.md §3.2: cus.2tXNjMhytgx7hCxu9 is the ObjectId 641101681c0df5d15b1a5ec4
        byte[] objectId = java.util.HexFormat.of().parseHex("641101681c0df5d15b1a5ec4");

        assertThat(Base58.encodeFixed(objectId, 17)).isEqualTo("2tXNjMhytgx7hCxu9");
        assertThat(Base58.decodeFixed("2tXNjMhytgx7hCxu9", 12)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(objectId));
    }

    @Test
    void base58RefusesCharactersOutsideItsAlphabetAndValuesThatDoNotFit() {
        assertThat(Base58.decodeFixed("2tXNjMhytgx7hCx0", 12)).isEmpty();
        assertThat(Base58.decodeFixed("zzzzzzzzzzzzzzzzzzzz", 12)).isEmpty();
        assertThat(Base58.encodeFixed(new byte[12], 17)).isEqualTo("11111111111111111");
    }
}
