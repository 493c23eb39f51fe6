package dev.kyra.files;

import dev.kyra.database.DataDirectory;
import dev.kyra.personal.FileKeys;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Chooses where files live: an S3-compatible bucket when {@code KYRA_S3_ENDPOINT} and
 * {@code KYRA_S3_BUCKET} are set, otherwise local disk under {@code KYRA_DATA_DIR/files}.
 */
@Configuration(proxyBeanMethods = false)
class FileStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FileStorageConfiguration.class);
    private static final String S3_CONFIGURED = "'${kyra.s3.endpoint:}' != '' and '${kyra.s3.bucket:}' != ''";

    @Bean
    @ConditionalOnExpression("!(" + S3_CONFIGURED + ")")
    LocalFileStore localFileStore(DataDirectory dataDirectory, UrlSigner signer, FileKeys fileKeys, Clock clock) {
        return new LocalFileStore(dataDirectory.resolve("files").toAbsolutePath().normalize(), signer, fileKeys, clock);
    }

    @Bean
    @ConditionalOnExpression(S3_CONFIGURED)
    S3FileStore s3FileStore(S3Properties s3) {
        URI endpoint = s3.endpoint();
        String bucket = s3.bucket();
        Region region = Region.of(s3.region());
        AwsCredentialsProvider credentials = s3.hasAccessKey()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        S3Client client = S3Client.builder().endpointOverride(endpoint).region(region)
                .serviceConfiguration(pathStyle).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(region)
                .serviceConfiguration(pathStyle).credentialsProvider(credentials).build();
        ensureBucket(client, bucket);
        ensureDefaultEncryption(client, bucket);
        log.info("files are stored in S3 bucket {} at {}", bucket, endpoint);
        return new S3FileStore(client, presigner, bucket);
    }

    /**
     * Clients upload straight to the bucket through presigned URLs that may ask for no header of their
     * own (decision B23), so a per-request encryption header is not an option: the bucket's default
     * encryption is. When the bucket has none, Kyra sets SSE-S3 (AES-256); a server that cannot say is
     * warned about, as the README tells operators to check.
     */
    private static void ensureDefaultEncryption(S3Client client, String bucket) {
        try {
            client.getBucketEncryption(request -> request.bucket(bucket));
            return;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                log.warn("cannot read the default encryption of bucket {} ({}): make sure the bucket encrypts objects at rest",
                        bucket, e.statusCode());
                return;
            }
        }
        try {
            client.putBucketEncryption(request -> request.bucket(bucket).serverSideEncryptionConfiguration(configuration ->
                    configuration.rules(rule -> rule.applyServerSideEncryptionByDefault(
                            encryption -> encryption.sseAlgorithm(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256)))));
            log.info("bucket {} had no default encryption: set SSE-S3 (AES-256)", bucket);
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            log.warn("cannot set default encryption on bucket {} ({}): make sure the bucket encrypts objects at rest",
                    bucket, e.statusCode());
        }
    }

    /** Creates the bucket when it is missing, which suits development servers; production buckets exist. */
    private static void ensureBucket(S3Client client, String bucket) {
        try {
            client.headBucket(request -> request.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            client.createBucket(request -> request.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            client.createBucket(request -> request.bucket(bucket));
        }
    }
}
