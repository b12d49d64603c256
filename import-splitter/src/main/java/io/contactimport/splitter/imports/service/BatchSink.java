package io.contactimport.splitter.imports.service;

import io.contactimport.contracts.batches.RowBatch;

/** Where the splitter's batches go: Kafka in the service, a list in unit tests. */
public interface BatchSink {

    void publish(RowBatch batch);

    /** Returns when every published batch is durably stored; throws when one could not be. */
    void flush();
}
