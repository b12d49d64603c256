package io.contactimport.splitter.storage;

import io.contactimport.support.faults.DependencyUnavailableException;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
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

    /**
     * Opens an object. An answer of the store (no such key, or a 5xx) is an {@link IllegalStateException} around
     * MinIO's {@code ErrorResponseException}; anything else (no answer, a broken one, a pooled connection the store
     * closed when it went away) means the store is unavailable for now.
     */
    public StoredObject open(String key) {
        try {
            return new StoredObject(client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ErrorResponseException e) {
            throw new IllegalStateException("the object store answered " + e.errorResponse().code() + " for " + key, e);
        } catch (Exception e) {
            throw new DependencyUnavailableException("the object store did not answer for " + key, e);
        }
    }

    /**
     * An object's bytes that remember whether the store failed while they were read. A reader on top (a CSV parser,
     * gzip) reports any I/O error alike; this tells the store's failures (retry: the file is fine) from the file's.
     */
    public static final class StoredObject extends FilterInputStream {

        private IOException failure;

        StoredObject(InputStream in) {
            super(in);
        }

        /** The store's own failure while reading, or null. */
        public IOException failure() {
            return failure;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            failure = e;
            return e;
        }
    }

    @PreDestroy
    void close() throws Exception {
        client.close();
    }
}
