package dev.kyra.reviewers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewer accounts and signing in. Passwords are hashed with Spring Security's delegating encoder
 * (bcrypt, salted, slow by design) and must be at least 12 characters. Failed sign-ins are throttled
 * per account — after 5 in a row the account refuses sign-ins for 15 minutes, the right password
 * included — and per client address, 20 failures in 15 minutes, on this node.
 */
@Service
public class ReviewerService {

    public static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String COLUMNS = "id, email, name, enabled, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /**
     * Compared against when no account has the email, so a wrong email costs what a wrong password
     * does: a hash of the same cost as the accounts' (BCrypt 10) of a random text thrown away when it
     * was made. Written down rather than made at start-up, which spent a tenth of a second of every start.
     */
    private static final String DECOY = "{bcrypt}$2a$10$B4jZqFjTWQ31iGZJGsZFNODTiy0kveiA6JxlisN3IZBsqdKvStd9K";
    private final Cache<String, AtomicInteger> failuresByAddress = Caffeine.newBuilder()
            .expireAfterWrite(LOCKOUT).maximumSize(100_000).build();

    ReviewerService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws ReviewerRefusedException for a malformed email or name, a weak password, or an email in use */
    @Transactional
    public Reviewer create(String email, String name, String password) {
        String address = checkedEmail(email);
        String displayName = checkedName(name);
        checkPassword(password);
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Timestamps.now(clock));
        try {
            jdbc.sql("""
                            insert into reviewers (id, email, email_key, name, password_hash, enabled, created_at, updated_at)
                            values (:id, :email, :key, :name, :hash, true, :now, :now)""")
                    .param("id", id).param("email", address).param("key", address.toLowerCase(Locale.ROOT))
                    .param("name", displayName).param("hash", passwords.encode(password)).param("now", now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ReviewerRefusedException("A reviewer with this email exists already.", true);
        }
        return find(id).orElseThrow();
    }

    public List<Reviewer> list() {
        return jdbc.sql("select " + COLUMNS + " from reviewers order by email_key").query(ReviewerService::map).list();
    }

    public Optional<Reviewer> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reviewers where id = :id").param("id", id)
                .query(ReviewerService::map).optional();
    }

    /** A disabled reviewer cannot sign in, and their open sessions end at their next request. */
    @Transactional
    public Reviewer setEnabled(UUID id, boolean enabled) {
        update(id, "enabled = :enabled, failed_sign_ins = 0, locked_until = null", "enabled", enabled);
        return find(id).orElseThrow();
    }

    /** A new password; it also lifts a lockout. */
    @Transactional
    public Reviewer resetPassword(UUID id, String password) {
        checkPassword(password);
        update(id, "password_hash = :hash, failed_sign_ins = 0, locked_until = null", "hash", passwords.encode(password));
        return find(id).orElseThrow();
    }

    /**
     * The reviewer with this email and password, if it is enabled and neither the account nor the
     * address is throttled. Every failure counts against both.
     */
    @Transactional
    public Optional<Reviewer> signIn(String email, String password, String clientAddress) {
        AtomicInteger addressFailures = failuresByAddress.get(clientAddress, address -> new AtomicInteger());
        if (email == null || password == null || password.length() > MAX_PASSWORD) {
            addressFailures.incrementAndGet();
            return Optional.empty();
        }
        Optional<Account> account = jdbc.sql("""
                        select id, password_hash, enabled, locked_until from reviewers where email_key = :key for update""")
                .param("key", email.strip().toLowerCase(Locale.ROOT))
                .query((row, n) -> new Account(row.getObject("id", UUID.class), row.getString("password_hash"),
                        row.getBoolean("enabled"), row.getTimestamp("locked_until") == null ? null
                                : row.getTimestamp("locked_until").toInstant()))
                .optional();
        boolean matches = passwords.matches(password, account.map(Account::hash).orElse(DECOY)) && account.isPresent();
        Instant now = clock.instant();
        boolean throttled = addressFailures.get() >= FAILURES_PER_ADDRESS
                || account.map(Account::lockedUntil).filter(now::isBefore).isPresent();
        if (matches && !throttled && account.get().enabled()) {
            jdbc.sql("update reviewers set failed_sign_ins = 0, locked_until = null where id = :id")
                    .param("id", account.get().id()).update();
            return find(account.get().id());
        }
        addressFailures.incrementAndGet();
        account.ifPresent(found -> jdbc.sql("""
                        update reviewers set failed_sign_ins = failed_sign_ins + 1,
                            locked_until = case when failed_sign_ins + 1 >= :limit then cast(:until as timestamptz) else locked_until end
                        where id = :id""")
                .param("limit", FAILURES_PER_ACCOUNT).param("until", Timestamp.from(now.plus(LOCKOUT)))
                .param("id", found.id()).update());
        return Optional.empty();
    }

    private record Account(UUID id, String hash, boolean enabled, Instant lockedUntil) {
    }

    private void update(UUID id, String assignments, String name, Object value) {
        int updated = jdbc.sql("update reviewers set " + assignments + ", updated_at = :now where id = :id")
                .param(name, value).param("now", Timestamp.from(Timestamps.now(clock))).param("id", id).update();
        if (updated == 0) {
            throw new ReviewerNotFoundException();
        }
    }

    private static String checkedEmail(String email) {
        if (email == null || email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            throw new ReviewerRefusedException("email is required: an email address.", false);
        }
        return email.strip();
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new ReviewerRefusedException("name is required: a string of 1 to 200 characters.", false);
        }
        return name.strip();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD || password.isBlank()) {
            throw new ReviewerRefusedException("password is required: " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters.", false);
        }
    }

    private static Reviewer map(ResultSet row, int n) throws SQLException {
        return new Reviewer(row.getObject("id", UUID.class), row.getString("email"), row.getString("name"),
                row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
