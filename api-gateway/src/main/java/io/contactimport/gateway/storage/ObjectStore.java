package io.contactimport.gateway.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Uploaded files in the S3-compatible object store. The bucket is created at start when missing. */
@ApplicationScoped
@Startup
public class ObjectStore {

    private final MinioClient client;
    private final String bucket;

    public ObjectStore(@ConfigProperty(name = "s3.endpoint") String endpoint,
                       @ConfigProperty(name = "s3.access-key") String accessKey,
                       @ConfigProperty(name = "s3.secret-key") String secretKey,
                       @ConfigProperty(name = "s3.region") String region,
                       @ConfigProperty(name = "s3.bucket") String bucket) throws Exception {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(region).build();
        this.bucket = bucket;
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    /**
     * Streams a file to the store (multipart for large files: a few MB in memory at a time) and answers its size.
     * A store that fails is a failure of ours, not of the request: it surfaces as a 500.
     */
    public long put(String key, Path file) {
        try {
            client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString())
                    .contentType("application/octet-stream").build());
            return Files.size(file);
        } catch (Exception e) {
            throw new IllegalStateException("could not store " + key, e);
        }
    }

    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new IllegalStateException("could not delete " + key, e);
        }
    }

    @PreDestroy
    void close() throws Exception {
        client.close();
    }
}
