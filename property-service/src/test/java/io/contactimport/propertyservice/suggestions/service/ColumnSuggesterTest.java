package io.contactimport.propertyservice.suggestions.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per signal the suggestions use. */
class ColumnSuggesterTest {

    private final ColumnSuggester suggester = new ColumnSuggester();

    private List<String> targets(List<String> header, List<List<String>> rows, Map<String, String> existing) {
        return suggester.suggest(header, rows, existing, Map.of()).stream()
                .map(s -> s.target() + (s.key() == null ? "" : ":" + s.key() + ":" + s.type())).toList();
    }

    @Test
    void headersAreMatchedWhateverTheirCaseSeparatorsAccentsOrLanguage() {
        assertEquals("date de naissance", HeaderText.normalise("DATE_DE_NAISSANCE"));
        assertEquals("first name", HeaderText.normalise("firstName"));
        assertEquals("名前 姓", HeaderText.normalise("名前(姓)"));
        assertEquals(List.of("email", "first_name", "last_name"), targets(List.of("Correo electrónico", "Prénom", "Nachname"),
                List.of(List.of("a@example.com", "Ana", "Ruiz")), Map.of()));
    }

    @Test
    void valuesGuardAgainstLookAlikes() {
        // "Email consent" holds yes/no: a boolean property, not the email.
        assertEquals(List.of("email", "new_property:email_consent:boolean"), targets(List.of("Email", "Email consent"),
                List.of(List.of("a@example.com", "yes"), List.of("b@example.com", "no")), Map.of()));
    }

    @Test
    void meaninglessHeadersAreMappedByTheirValues() {
        assertEquals(List.of("new_property:col1:number", "first_name", "last_name", "email"),
                targets(List.of("col1", "col2", "col3", "col4"), List.of(
                        List.of("12", "Mary", "Lopez", "mary@example.com"),
                        List.of("7", "John", "Smith", "john@example.com")), Map.of()));
    }

    @Test
    void aFullNameIsTheFirstNameOnlyWithoutSplitNames() {
        assertEquals(List.of("email", "first_name"), targets(List.of("Email", "Name"),
                List.of(List.of("a@example.com", "Ana Ruiz")), Map.of()));
        assertEquals(List.of("first_name", "last_name", "new_property:full_name:string", "email"),
                targets(List.of("given_name", "family_name", "name", "email"),
                        List.of(List.of("Ana", "Ruiz", "Ana Ruiz", "a@example.com")), Map.of()));
    }

    @Test
    void existingPropertiesAreFilledByNameOrMeaningOnceEach() {
        assertEquals(List.of("email", "existing_property:mobile_phone:string", "new_property:phone:string"),
                targets(List.of("email", "Mobile", "Phone"),
                        List.of(List.of("a@example.com", "+44 7700 900201", "+44 20 7946 0201")),
                        Map.of("mobile_phone", "string")));
        // A number property is not filled by text.
        assertEquals(List.of("email", "new_property:score:string"), targets(List.of("email", "score"),
                List.of(List.of("a@example.com", "high")), Map.of("lead_score", "number")));
    }

    @Test
    void emptyColumnsAndSecretsAreLeftOut() {
        assertEquals(List.of("email", "ignore", "ignore"), targets(List.of("email", "facebook", "password_digest"),
                List.of(List.of("a@example.com", "", "$2a$10$abc"), List.of("b@example.com", "", "$2a$10$def")),
                Map.of()));
    }

    @Test
    void typesAreWhatTheImportWillRead() {
        assertEquals(List.of("email", "new_property:lifetime_value:number", "new_property:signup_date:date",
                        "new_property:first_visit:string"),
                targets(List.of("email", "Total Spend", "Joined", "First visit"), List.of(
                        List.of("a@example.com", "$1,284.50", "2024-02-11 15:04:22 UTC", "15/08/2024"),
                        List.of("b@example.com", "$42.00", "2023-11-19", "02/11/2024")), Map.of()));
    }

    @Test
    void whatTheTeamConfirmedWins() {
        var remembered = Map.of("kundennummer", new ColumnSuggester.Remembered("new_property", "customer_number", "string"));
        assertEquals("customer_number", suggester.suggest(List.of("email", "Kundennummer"),
                List.of(List.of("a@example.com", "K-1")), Map.of(), remembered).get(1).key());
    }

    @Test
    void theEmbeddingModelFillsAnExistingPropertyCloseInMeaning() {
        ColumnSuggester withModel = new ColumnSuggester(KeyEmbeddings.loadedNow());
        List<ColumnSuggestion> suggestions = withModel.suggest(List.of("email", "Favourite colour", "Hometown", "Shoe size"),
                List.of(List.of("a@example.com", "green", "Leeds", "42")),
                Map.of("preferred_color", "string", "city", "string", "company_size", "number"), Map.of());
        assertEquals(List.of("email", "existing_property:preferred_color", "existing_property:city", "new_property:shoe_size"),
                suggestions.stream().map(s -> s.target() + (s.key() == null ? "" : ":" + s.key())).toList());
        assertEquals("close in meaning to your property `preferred_color`", suggestions.get(1).reason());
    }
}
