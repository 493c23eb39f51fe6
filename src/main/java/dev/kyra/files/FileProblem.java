package dev.kyra.files;

/** Why a presented file id cannot be used. Nothing was written. */
public class FileProblem extends RuntimeException {

    /** The kinds of problem, each with the sentence that explains it. */
    public enum Kind {
        UNKNOWN("The file was not found; request an upload URL first."),
        OTHER_PURPOSE("The file was uploaded for another purpose."),
        NOT_UPLOADED("The file has not been uploaded yet."),
        TOO_LARGE("The file exceeds the 25 MB maximum."),
        UNSUPPORTED_TYPE("The file must be a PDF, JPEG or PNG.");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Kind kind;

    public FileProblem(Kind kind) {
        super(kind.message(), null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
