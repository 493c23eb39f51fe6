package dev.kyra.files;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code kyra.s3.*}: an S3-compatible bucket for uploaded files. With an endpoint and a bucket, files
 * go there; without an access key the AWS SDK's default credential chain is used.
 */
@ConfigurationProperties("kyra.s3")
record S3Properties(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
                    String secretKey) {

    boolean hasAccessKey() {
        return StringUtils.hasText(accessKey);
    }
}
