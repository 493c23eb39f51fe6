package dev.kyra.customer;

import dev.kyra.files.CheckedFile;
import dev.kyra.files.FileBinding;
import dev.kyra.files.FileProblem;
import dev.kyra.files.FileService;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import java.util.UUID;

/**
 * Checks a presented file id for what it is being registered as, and turns a refusal into a
 * validation problem naming the field (422 on the Blaaiz face).
 */
final class FileProblems {

    private FileProblems() {
    }

    /**
     * @param subject how the message names the file: {@code "{field}"} (the field's own name) or a
     *                phrase such as {@code "Document file"}
     */
    static CheckedFile check(FileService files, Tenant tenant, String fileId, FileBinding binding, FieldPath path,
                             String subject) {
        UUID id;
        try {
            id = UUID.fromString(fileId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of(path, subject + " must be a file id from an upload URL."));
        }
        try {
            return files.check(tenant, id, binding);
        } catch (FileProblem problem) {
            throw new InvalidInputException(Violation.of(path, subject + " " + sentence(problem.kind())));
        }
    }

    private static String sentence(FileProblem.Kind kind) {
        return switch (kind) {
            case UNKNOWN -> "was not found; request an upload URL first.";
            case OTHER_PURPOSE -> "was uploaded for another purpose.";
            case NOT_UPLOADED -> "has not been uploaded yet.";
            case TOO_LARGE -> "exceeds the 25 MB maximum.";
            case UNSUPPORTED_TYPE -> "must be a PDF, JPEG or PNG file.";
        };
    }
}
