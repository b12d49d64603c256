package io.contactimport.splitter.storage;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads uploaded files from the S3-compatible object store, as streams. */
@ApplicationScoped
public class ObjectStore {

    private final MinioClient client;
    private final String bucket;

    public ObjectStore(@ConfigProperty(name = "s3.endpoint") String endpoint,
                       @ConfigProperty(name = "s3.access-key") String accessKey,
                       @ConfigProperty(name = "s3.secret-key") String secretKey,
                       @ConfigProperty(name = "s3.region") String region,
                       @ConfigProperty(name = "s3.bucket") String bucket) {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(region).build();
        this.bucket = bucket;
    }

    public InputStream open(String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    @PreDestroy
    void close() throws Exception {
        client.close();
    }
}
