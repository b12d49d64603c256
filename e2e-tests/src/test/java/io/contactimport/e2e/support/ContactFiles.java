package io.contactimport.e2e.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generated contact files for imports that must be large. */
public final class ContactFiles {

    private ContactFiles() {
    }

    /**
     * Realistic contacts: ~90 bytes a row, quoted names with commas here and there, 2% unsubscribed. Emails start
     * with {@code emailPrefix}, so files with different prefixes hold different contacts.
     */
    public static Path generate(Path file, int rows, String emailPrefix) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        String[] first = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Linus",
                "José", "Zoë", "Søren", "Łukasz", "Aiko"};
        String[] last = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
                "Hamilton", "Torvalds", "O'Brien", "García Márquez"};
        String[] cities = {"Lisbon", "Paris", "Berlin", "New York", "São Paulo", "Tokyo", "Nairobi", "Sydney"};
        String[] plans = {"free", "pro", "team", "enterprise"};
        Random random = new Random(7);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("email,first_name,last_name,unsubscribed,company,city,plan,score\n");
            for (int i = 0; i < rows; i++) {
                String f = first[random.nextInt(first.length)];
                String l = last[random.nextInt(last.length)];
                String domain = i % 3 == 0 ? "example.com" : "mail" + i % 97 + ".org";
                out.write(emailPrefix + f.toLowerCase() + "." + i + "@" + domain
                        + "," + f + "," + l + "," + (random.nextInt(50) == 0) + ",\"" + l + ", " + f + " & Co\","
                        + cities[random.nextInt(cities.length)] + "," + plans[random.nextInt(plans.length)] + ","
                        + random.nextInt(10_000) / 100.0 + "\n");
            }
        }
        Files.move(partial, file);
        return file;
    }
}
