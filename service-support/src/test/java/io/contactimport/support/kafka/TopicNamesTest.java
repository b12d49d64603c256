package io.contactimport.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.contactimport.contracts.Topic;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    @Test
    void everyTopicHasItsNameAsConfiguration() {
        TopicNames names = new TopicNames();
        assertEquals(Topic.values().length, names.getPropertyNames().size());
        assertEquals("contact-imports.row-batches", names.getValue("topic.row-batches"));
        assertEquals("contact-imports.row-batches.express", names.getValue("topic.express-row-batches"));
        assertEquals("contact-imports.status", names.getValue("topic.import-status"));
    }
}
