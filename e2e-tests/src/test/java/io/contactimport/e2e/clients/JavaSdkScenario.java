package io.contactimport.e2e.clients;

import com.resend.Resend;
import com.resend.core.exception.ResendException;
import com.resend.services.contacts.model.ContactImport;
import com.resend.services.contacts.model.ContactImportColumnMap;
import com.resend.services.contacts.model.ContactImportPropertyMapping;
import com.resend.services.contacts.model.ContactSegment;
import com.resend.services.contacts.model.CreateContactImportOptions;
import com.resend.services.contacts.model.GetContactOptions;
import com.resend.services.contacts.model.GetContactResponseSuccess;
import com.resend.services.contacts.model.ListContactImportsParams;
import com.resend.services.segments.model.CreateSegmentOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The scenario of {@code clients/scenario.mjs}, through the official Java SDK, unchanged: run in its own JVM whose
 * hosts file sends {@code api.resend.com} to this machine and whose trust store holds the test certificate.
 * Usage: {@code JavaSdkScenario <api key> <csv file>}; exits non-zero naming the first unexpected answer.
 */
public final class JavaSdkScenario {

    private JavaSdkScenario() {
    }

    public static void main(String[] args) throws Exception {
        Resend resend = new Resend(args[0]);
        byte[] csv = Files.readAllBytes(Path.of(args[1]));

        String segmentId = resend.segments().create(CreateSegmentOptions.builder().name("java compatibility").build())
                .getId();
        ContactImportColumnMap columnMap = ContactImportColumnMap.builder().email("Email").firstName("First Name")
                .property("score", ContactImportPropertyMapping.builder().column("Score").type("number").build())
                .build();
        String importId = resend.contacts().imports().create(CreateContactImportOptions.builder()
                .file(csv, "contacts.csv").columnMap(columnMap).onConflict("upsert").segments(segmentId).build()).getId();

        ContactImport current = resend.contacts().imports().get(importId);
        for (int attempt = 0; attempt < 240 && !finished(current); attempt++) {
            Thread.sleep(250);
            current = resend.contacts().imports().get(importId);
        }
        check("import completes", "completed", current.getStatus());
        var counts = current.getCounts();
        check("counts", List.of(3, 2, 1, 0, 0), List.of(counts.getTotal(), counts.getCreated(), counts.getUpdated(),
                counts.getSkipped(), counts.getFailed()));
        List<String> completed = resend.contacts().imports()
                .list(ListContactImportsParams.builder().status("completed").build())
                .getData().stream().map(ContactImport::getId).toList();
        check("the completed import is listed", true, completed.contains(importId));

        String email = "java-ada@example.com";
        GetContactResponseSuccess contact = resend.contacts().get(GetContactOptions.builder().email(email).build());
        check("contact", Map.of("email", email, "first_name", "Ada", "score", "42.5"), Map.of("email",
                contact.getEmail(), "first_name", contact.getFirstName(),
                "score", String.valueOf(contact.getProperties().get("score").getValue())));
        check("the contact joined the segment", List.of(segmentId), resend.contacts().segments().list(email)
                .getData().stream().map(ContactSegment::getId).toList());

        ResendException rejected = failure(() -> resend.contacts().imports().create(CreateContactImportOptions
                .builder().file(csv, "contacts.csv")
                .columnMap(ContactImportColumnMap.builder().email("No Such Column").build()).build()));
        check("bad column_map status", 422, rejected.getStatusCode());
        check("bad column_map name", "validation_error", rejected.getErrorName());
        ResendException missing = failure(() -> resend.contacts().imports().get(UUID.randomUUID().toString()));
        check("unknown import status", 404, missing.getStatusCode());
        check("unknown import name", "not_found", missing.getErrorName());
        System.out.println("{\"client\":\"java\",\"importId\":\"" + importId + "\",\"ok\":true}");
    }

    private static boolean finished(ContactImport current) {
        return current.getStatus().equals("completed") || current.getStatus().equals("failed");
    }

    private interface Call {
        void run() throws ResendException;
    }

    private static ResendException failure(Call call) {
        try {
            call.run();
        } catch (ResendException e) {
            return e;
        }
        throw new AssertionError("the call should have failed");
    }

    private static void check(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }
}
