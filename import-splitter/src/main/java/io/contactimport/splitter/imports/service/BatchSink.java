package io.contactimport.splitter.imports.service;

import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.imports.ImportRequested;
import java.util.List;

/**
 * Where the splitter's batches go: Kafka in the service, a list in unit tests. A batch is opened, filled row by row
 * as the file is read, then published; the Kafka sink writes each row out as it arrives, so a bucket's rows do not
 * live on as objects until their batch is cut (holding them cost the splitter more GC than anything else).
 *
 * @param <B> the sink's batches being filled
 */
public interface BatchSink<B extends BatchSink.OpenBatch> {

    B open(ImportRequested request, List<String> header, int bucket, int sequence);

    void publish(B batch);

    /** Returns when every published batch is durably stored; throws when one could not be. */
    void flush();

    /** A batch being filled, in file order. */
    interface OpenBatch {
        void add(RowBatch.Row row);
    }
}
