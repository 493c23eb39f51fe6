package dev.kyra.face.console;

import java.time.Duration;

/** A wait as a reviewer reads it: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
final class Waiting {

    private Waiting() {
    }

    static String of(Duration wait) {
        long seconds = Math.max(0, wait.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
